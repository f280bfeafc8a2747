package org.varsel.desk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.desk.TestClock;
import org.varsel.desk.db.Database;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** The token buckets in PostgreSQL: a burst, then one request per refill, shared by every limiter of the same name. */
@ExtendWith(PostgresExtension.class)
class RateLimiterTest {

    @Test
    void allowsABurstThenOneRequestPerRefillAndSaysHowLongToWaitAcrossReplicas(PostgresDatabase database)
            throws Exception {
        TestClock clock = TestClock.standingNow();
        try (Database a = open(database);
                Database b = open(database)) {
            RateLimiter onA = new RateLimiter(a, "intake", 60, 2, Optional.of(clock));
            RateLimiter onB = new RateLimiter(b, "intake", 60, 2, Optional.of(clock));
            assertThat(onA.acquire("p-one")).isEmpty();
            assertThat(onB.acquire("p-one")).isEmpty();
            assertThat(onA.acquire("p-one")).hasValue(1);
            assertThat(onB.acquire("p-one"))
                    .as("the same bucket on the other replica")
                    .hasValue(1);
            assertThat(onB.acquire("p-two")).as("another caller").isEmpty();
            assertThat(new RateLimiter(a, "login-user", 60, 2, Optional.of(clock)).acquire("p-one"))
                    .as("another limiter")
                    .isEmpty();
            clock.advance(Duration.ofMillis(999));
            assertThat(onA.acquire("p-one")).as("not yet a whole token").isPresent();
            clock.advance(Duration.ofMillis(2));
            assertThat(onB.acquire("p-one")).as("refilled after a second").isEmpty();
            assertThat(onA.acquire("p-one")).as("one token only").isPresent();
            clock.advance(Duration.ofMinutes(5));
            assertThat(onA.acquire("p-one")).isEmpty();
            assertThat(onA.acquire("p-one")).isEmpty();
            assertThat(onA.acquire("p-one"))
                    .as("refilled up to the burst, no more")
                    .isPresent();
        }
    }

    /** Without a clock of its own the limiter refills by PostgreSQL's, the one clock every replica shares. */
    @Test
    void refillsByTheDatabasesClock(PostgresDatabase database) throws Exception {
        try (Database a = open(database)) {
            RateLimiter perMinute = new RateLimiter(a, "slow", 1, 1);
            assertThat(perMinute.acquire("p-one")).isEmpty();
            OptionalLong wait = perMinute.acquire("p-one");
            assertThat(wait).as("refused within the minute").isPresent();
            assertThat(wait.getAsLong()).isBetween(1L, 60L);
            RateLimiter perSecond = new RateLimiter(a, "fast", 60, 1);
            assertThat(perSecond.acquire("p-one")).isEmpty();
            // the database's clock, which no test controls, has to move on a refill (a second)
            Thread.sleep(1_100);
            assertThat(perSecond.acquire("p-one")).as("refilled after a second").isEmpty();
        }
    }

    private static Database open(PostgresDatabase database) {
        return Database.open(database.jdbcUrl(), database.user(), database.password());
    }
}

package org.varsel.desk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.desk.db.Database;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** The token buckets in PostgreSQL: a burst, then one request per refill, shared by every limiter of the same name. */
@ExtendWith(PostgresExtension.class)
class RateLimiterTest {

    @Test
    void allowsABurstThenOneRequestPerRefillAndSaysHowLongToWaitAcrossReplicas(PostgresDatabase database)
            throws Exception {
        try (Database a = open(database);
                Database b = open(database)) {
            RateLimiter onA = new RateLimiter(a, "intake", 60, 2);
            RateLimiter onB = new RateLimiter(b, "intake", 60, 2);
            assertThat(onA.acquire("p-one")).isEmpty();
            assertThat(onB.acquire("p-one")).isEmpty();
            OptionalLong wait = onA.acquire("p-one");
            assertThat(wait).hasValue(1);
            assertThat(onB.acquire("p-one"))
                    .as("the same bucket on the other replica")
                    .isPresent();
            assertThat(onB.acquire("p-two")).as("another caller").isEmpty();
            assertThat(new RateLimiter(a, "login-user", 60, 2).acquire("p-one"))
                    .as("another limiter")
                    .isEmpty();
            Thread.sleep(1_100);
            assertThat(onB.acquire("p-one")).as("refilled after a second").isEmpty();
            assertThat(onA.acquire("p-one")).isPresent();
        }
    }

    private static Database open(PostgresDatabase database) {
        return Database.open(database.jdbcUrl(), database.user(), database.password());
    }
}

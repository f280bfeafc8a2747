package org.varsel.desk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** Two replicas' singletons on one database: one runs a job at a time, once per period, and a failed run is no run. */
@ExtendWith(PostgresExtension.class)
class ClusterSingletonTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void whileOneReplicaRunsAJobTheOtherSkipsItAndAfterwardsItIsNotDueUntilThePeriodHasPassed(PostgresDatabase database)
            throws Exception {
        try (Database a = open(database);
                Database b = open(database)) {
            ClusterSingleton replicaA = new ClusterSingleton(a);
            ClusterSingleton replicaB = new ClusterSingleton(b);
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Optional<String>> onA = CompletableFuture.supplyAsync(() -> {
                try {
                    return replicaA.runIfDue("purge", HOUR, () -> {
                        running.countDown();
                        assertThat(finish.await(60, TimeUnit.SECONDS)).isTrue();
                        return "a";
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(replicaB.runIfDue("purge", Duration.ZERO, () -> "b"))
                    .as("while A runs it")
                    .isEmpty();
            assertThat(replicaB.runIfDue("other job", HOUR, () -> "b"))
                    .as("another job")
                    .contains("b");
            finish.countDown();
            assertThat(onA.get(60, TimeUnit.SECONDS)).contains("a");

            assertThat(replicaB.runIfDue("purge", HOUR, () -> "b"))
                    .as("ran by A within the hour")
                    .isEmpty();
            assertThat(replicaA.runIfDue("purge", HOUR, () -> "a"))
                    .as("not even A again")
                    .isEmpty();
            assertThat(replicaB.runIfDue("purge", Duration.ZERO, () -> "b"))
                    .as("no period: whenever free")
                    .contains("b");
        }
    }

    /**
     * A run stamped when it began (the transaction's {@code now()}) is a period old the moment it ends when it took longer
     * than its period, as a retention purge on a loaded machine can: the other replica's next tick ran it again at once
     * (CI, stop 40: purges 134 ms apart with a one-second interval).
     */
    @Test
    void aRunThatTakesLongerThanItsPeriodCountsFromWhenItEnded(PostgresDatabase database) throws Exception {
        Duration period = Duration.ofMillis(500);
        try (Database a = open(database);
                Database b = open(database)) {
            assertThat(new ClusterSingleton(a).runIfDue("slow purge", period, () -> {
                        Thread.sleep(period.toMillis() * 3);
                        return "a";
                    }))
                    .contains("a");
            assertThat(new ClusterSingleton(b).runIfDue("slow purge", period, () -> "b"))
                    .as("just ended on A")
                    .isEmpty();
        }
    }

    @Test
    void aRunThatFailsLeavesTheJobDueForTheNextReplica(PostgresDatabase database) throws Exception {
        try (Database a = open(database);
                Database b = open(database)) {
            assertThatThrownBy(() -> new ClusterSingleton(a).runIfDue("feed:rss", HOUR, () -> {
                        throw new IllegalStateException("the feed is away");
                    }))
                    .hasMessageContaining("away");
            assertThat(new ClusterSingleton(b).runIfDue("feed:rss", HOUR, () -> 7L))
                    .contains(7L);
        }
    }

    private static Database open(PostgresDatabase database) {
        return Database.open(database.jdbcUrl(), database.user(), database.password());
    }
}

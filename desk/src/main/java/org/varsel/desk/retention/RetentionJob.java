package org.varsel.desk.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.desk.db.ClusterSingleton;
import org.varsel.desk.db.Database;
import org.varsel.desk.privacy.ErasureRecheck;

/**
 * Runs the {@link RetentionPurge} and the {@link ErasureRecheck} a minute after start and then every
 * {@code desk.retention.interval}: each once per interval across desk replicas ({@link ClusterSingleton}).
 */
public final class RetentionJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final ScheduledExecutorService scheduler;

    private RetentionJob(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    public static RetentionJob start(Database database, RetentionConfig config, ErasureRecheck erasures, Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "desk-retention");
            thread.setDaemon(true);
            return thread;
        });
        ClusterSingleton singleton = new ClusterSingleton(database);
        // erasure requests are worked whether or not periods are enforced: a person asked
        every(
                scheduler,
                config.interval(),
                "erasure-recheck",
                () -> singleton
                        .runIfDue("erasure-recheck", config.interval(), () -> erasures.run(clock.instant()))
                        .filter(closed -> closed > 0)
                        .ifPresent(closed -> LOG.info("erasure re-check: {} request(s) done", closed)));
        if (!config.enabled()) {
            LOG.warn(
                    "desk.retention.enabled=false: nothing is purged; docs/privacy.md lists what the periods would be");
            return new RetentionJob(scheduler);
        }
        RetentionPurge purge = new RetentionPurge(database, config);
        every(
                scheduler,
                config.interval(),
                "retention purge",
                () -> singleton
                        .runIfDue("retention-purge", config.interval(), () -> purge.run(clock.instant()))
                        .ifPresent(purged -> LOG.info("retention purge: {}", purged)));
        return new RetentionJob(scheduler);
    }

    private interface Job {
        void run() throws Exception;
    }

    private static void every(ScheduledExecutorService scheduler, Duration interval, String name, Job job) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        job.run();
                    } catch (Exception e) {
                        // the database may be away: try again next interval
                        LOG.warn("{} failed, next try in {}: {}", name, interval, e.toString());
                    }
                },
                Math.min(60, interval.toSeconds()),
                interval.toSeconds(),
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

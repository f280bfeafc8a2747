package org.varsel.desk.retention;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.desk.db.ClusterSingleton;
import org.varsel.desk.db.Database;

/**
 * Runs the {@link RetentionPurge} a minute after start and then every {@code desk.retention.interval}: once per
 * interval across desk replicas ({@link ClusterSingleton}).
 */
public final class RetentionJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private static final String JOB = "retention-purge";

  private final ScheduledExecutorService scheduler;

  private RetentionJob(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  public static RetentionJob start(Database database, RetentionConfig config, Clock clock) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "desk-retention");
      thread.setDaemon(true);
      return thread;
    });
    if (!config.enabled()) {
      LOG.warn("desk.retention.enabled=false: nothing is purged; docs/privacy.md lists what the periods would be");
      return new RetentionJob(scheduler);
    }
    RetentionPurge purge = new RetentionPurge(database, config);
    ClusterSingleton singleton = new ClusterSingleton(database);
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        Optional<Map<String, Integer>> counts = singleton.runIfDue(JOB, config.interval(), () -> purge.run(clock.instant()));
        counts.ifPresent(purged -> LOG.info("retention purge: {}", purged));
      } catch (Exception e) {
        // the database may be away: try again next interval
        LOG.warn("retention purge failed, next try in {}: {}", config.interval(), e.toString());
      }
    }, Math.min(60, config.interval().toSeconds()), config.interval().toSeconds(), TimeUnit.SECONDS);
    return new RetentionJob(scheduler);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}

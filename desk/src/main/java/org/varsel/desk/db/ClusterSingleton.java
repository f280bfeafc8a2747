package org.varsel.desk.db;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled work that runs on one desk replica at a time and at most once per period across every replica on the
 * database: every scheduled job of the desk (retention purge, feed polls, pipeline progress, feedback publishing,
 * erasure re-checks) goes through {@link #runIfDue}, so that two or more replicas behind a load balancer neither do the
 * work twice nor leave it undone when one of them stops.
 *
 * <p>A replica takes the job's transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}) and, holding it,
 * reads when any replica last finished the job ({@code scheduled_job}); the time this run ends is written in the same
 * transaction, so releasing the lock and recording the run happen in one commit. A replica that dies mid-run loses its connection
 * and with it the lock; its run counts as not done, and the next replica whose timer fires runs it.
 */
public final class ClusterSingleton {
    /** The first key of every job's advisory lock ("VARS"), so the desk's locks stay apart from anyone else's. */
    private static final int LOCK_SPACE = 0x56415253;
    /**
     * A run counts as a period ago a little early: each replica's timer waits a full period after its own run, and a
     * run that is stamped a moment late must not make that replica skip its next turn.
     */
    private static final double EARLY = 0.95;

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSingleton.class);

    private final Database database;
    private final String replica;

    /**
     * Runs jobs for the desk that owns {@code database}, named in {@code scheduled_job.replica} by its JVM and its pool
     * ({@code pid@host/pool}: two desks in one JVM, as in tests, are two replicas).
     */
    public ClusterSingleton(Database database) {
        this.database = database;
        this.replica = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + Integer.toHexString(System.identityHashCode(database));
    }

    /**
     * Runs {@code job} here when no replica runs it now and none ran it in the last {@code period} ({@link Duration#ZERO}:
     * whenever no other replica is running it); its result, or empty when it was not this replica's turn. A job that
     * throws counts as not run.
     */
    public <T> Optional<T> runIfDue(String job, Duration period, Callable<T> work) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            // outside the lock's transaction: a first insert must not wait for another replica's running job
            try (PreparedStatement register = connection.prepareStatement(
                    "INSERT INTO scheduled_job (job) VALUES (?) ON CONFLICT (job) DO NOTHING")) {
                register.setString(1, job);
                register.executeUpdate();
            }
            connection.setAutoCommit(false);
            try {
                if (!lockedAndDue(connection, job, period)) {
                    connection.commit();
                    return Optional.empty();
                }
                T result = work.call();
                // when the run ended, not now() (when this transaction began): a run longer than its period would
                // otherwise be due again the moment it commits, and the next replica's tick would run it twice
                try (PreparedStatement stamp = connection.prepareStatement(
                        "UPDATE scheduled_job SET last_run_at = clock_timestamp(), replica = ? WHERE job = ?")) {
                    stamp.setString(1, replica);
                    stamp.setString(2, job);
                    stamp.executeUpdate();
                }
                connection.commit();
                return Optional.of(result);
            } catch (Exception e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        }
    }

    /**
     * {@link #runIfDue} for work that reports its own failures: one that still escapes is logged, and the job is due again
     * at the next replica's tick.
     */
    public void runQuietly(String job, Duration period, Runnable work) {
        try {
            runIfDue(job, period, () -> {
                work.run();
                return null;
            });
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("{} failed, next try in {}: {}", job, period, e.toString());
        }
    }

    private static boolean lockedAndDue(Connection connection, String job, Duration period) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setString(2, job);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return false;
                }
            }
        }
        // read committed: this statement sees the stamp of a run that another replica committed a moment ago
        try (PreparedStatement due = connection.prepareStatement("SELECT last_run_at IS NULL"
                + " OR last_run_at <= clock_timestamp() - make_interval(secs => ?) FROM scheduled_job WHERE job = ?")) {
            due.setDouble(1, period.toMillis() / 1000.0 * EARLY);
            due.setString(2, job);
            try (ResultSet rows = due.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}

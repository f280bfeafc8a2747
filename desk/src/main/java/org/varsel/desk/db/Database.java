package org.varsel.desk.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The desk's database: a pool of connections to a schema that {@link #open} has migrated to the latest version. */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Connects and applies any pending migrations (classpath {@code db/migration}, from deploy/postgres/migrations). */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("desk");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        // Fail fast while the database is down: the consumer backs off, health reports "down".
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(1_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Has the pool report its connections (active, idle, pending) and wait times in {@code registry}. */
    public void measure(MeterRegistry registry) {
        pool.setMetricRegistry(registry);
    }

    /** Runs the work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        }
    }

    /** Whether the database answers now. */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Runs one INSERT, UPDATE or DELETE with these parameters in the caller's transaction; returns how many rows. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /**
     * Whether the failure says the database is away or busy (retry later) rather than that it refused this data
     * (retrying cannot help).
     */
    public static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return true;
        }
        // 08 connection, 53 insufficient resources, 57P operator intervention (shutdown), 40 serialization/deadlock
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.startsWith("40");
    }

    @Override
    public void close() {
        pool.close();
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    /** Work done with one connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}

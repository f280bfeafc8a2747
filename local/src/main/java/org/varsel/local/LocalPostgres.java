package org.varsel.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL server (zonky embedded binaries) that can be stopped and started again keeping its data. */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String SUPERUSER = "postgres";
    // initdb runs with trust authentication: the server never asks, any password works for any client library.
    private static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Path directory;
    private final boolean deleteOnClose;
    private final Duration startupTimeout;
    private int port;
    private EmbeddedPostgres server;
    private boolean closed;

    private LocalPostgres(Builder builder) {
        this.deleteOnClose = builder.dataDirectory == null;
        this.directory = deleteOnClose
                ? Directories.createTemp(builder.baseDirectory, "varsel-postgres-")
                : builder.dataDirectory.toAbsolutePath();
        this.port = builder.port;
        this.startupTimeout = builder.startupTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server (running initdb on first start only); a no-op if it is running. */
    public synchronized LocalPostgres start() {
        if (closed) {
            throw new IllegalStateException("PostgreSQL at " + directory + " is closed");
        }
        if (server != null) {
            return this;
        }
        long began = System.nanoTime();
        try {
            Files.createDirectories(directory);
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile().toFile());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(startupTimeout)
                    .setOutputRedirector(log)
                    .setErrorRedirector(log);
            if (deleteOnClose) {
                // Throw-away data: a clean stop still writes everything, only an OS crash would lose it.
                builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
            }
            server = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start in " + directory + "; last lines of "
                    + logFile() + ":" + System.lineSeparator() + Directories.tail(logFile(), 30), e);
        }
        // Keep the port: clients configured before a stop must reach the server after the next start.
        port = server.getPort();
        LOG.info("PostgreSQL ready on port {} in {} ms (data in {})",
                port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), directory);
        return this;
    }

    /** Stops the server (pg_ctl stop, fast mode); the data stays for the next {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL in " + directory, e);
        } finally {
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The server's port; fixed after the first start, so it survives stop and start. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("PostgreSQL has not been started yet");
        }
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return PASSWORD;
    }

    /** The {@code postgres} maintenance database, which always exists. */
    public PostgresDatabase maintenanceDatabase() {
        return database("postgres");
    }

    /** A handle on a database without creating it. */
    public PostgresDatabase database(String name) {
        return new PostgresDatabase(name, jdbcUrl(name), user(), password());
    }

    /** Creates the database unless it exists; names are lower-case SQL identifiers. */
    public PostgresDatabase createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case PostgreSQL identifier: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password())) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return database(name);
    }

    public Path dataDirectory() {
        return directory.resolve("data");
    }

    /** Output of initdb, pg_ctl and the server, appended across restarts. */
    public Path logFile() {
        return directory.resolve("postgres.log");
    }

    /** Stops the server and, unless it was given a persistent data directory, deletes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (deleteOnClose) {
            Directories.deleteRecursively(directory);
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[port " + port + ", " + directory + (isRunning() ? ", running]" : ", stopped]");
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Settings for a {@link LocalPostgres}; every setting has a default that suits a test. */
    public static final class Builder {
        private Path baseDirectory = Directories.defaultBase();
        private Path dataDirectory;
        private int port;
        private Duration startupTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** Where the temporary directory is created (default {@code java.io.tmpdir}); deleted on close. */
        public Builder baseDirectory(Path baseDirectory) {
            this.baseDirectory = baseDirectory.toAbsolutePath();
            return this;
        }

        /** A persistent directory (for the demo): reused across runs, kept on close. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory);
            return this;
        }

        /** The server port (default: a free one, kept for later restarts). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return this;
        }

        public LocalPostgres build() {
            return new LocalPostgres(this);
        }

        /** Builds the server and starts it. */
        public LocalPostgres start() {
            LocalPostgres postgres = build();
            try {
                return postgres.start();
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
        }
    }
}

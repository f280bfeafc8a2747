package org.varsel.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL server (zonky embedded binaries) that can be stopped and started again keeping its data. */
public final class LocalPostgres extends LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String SUPERUSER = "postgres";
    // initdb runs with trust authentication: the server never asks, any password works for any client library,
    // unless the builder asked for password authentication (the demo): then the superuser gets a random one.
    private static final String TRUST_PASSWORD = "postgres";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Duration startupTimeout;
    private final boolean passwordAuthentication;
    private String password = TRUST_PASSWORD;
    private int port;
    private EmbeddedPostgres server;

    private LocalPostgres(Builder builder) {
        super(builder, "varsel-postgres-");
        this.port = builder.port;
        this.startupTimeout = builder.startupTimeout;
        this.passwordAuthentication = builder.passwordAuthentication;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server (running initdb on first start only); a no-op if it is running. */
    @Override
    public synchronized LocalPostgres start() {
        requireOpen("PostgreSQL");
        if (server != null) {
            return this;
        }
        long began = System.nanoTime();
        try {
            Files.createDirectories(directory);
            ProcessBuilder.Redirect log =
                    ProcessBuilder.Redirect.appendTo(logFile().toFile());
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
            if (passwordAuthentication) {
                // loopback TCP only, and no Unix socket at all (initdb's default puts it in a world-writable /tmp)
                builder.setServerConfig("listen_addresses", "localhost").setServerConfig("unix_socket_directories", "");
            }
            server = builder.start();
            // Keep the port: clients configured before a stop must reach the server after the next start.
            port = server.getPort();
            if (passwordAuthentication && TRUST_PASSWORD.equals(password)) {
                requirePasswords();
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start in " + directory + "; last lines of " + logFile() + ":"
                            + System.lineSeparator() + Directories.tail(logFile(), 30),
                    e);
        }
        LOG.info(
                "PostgreSQL ready on port {} in {} ms (data in {})",
                port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began),
                directory);
        return this;
    }

    /** Stops the server (pg_ctl stop, fast mode); the data stays for the next {@link #start()}. */
    @Override
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

    public synchronized String password() {
        return password;
    }

    /**
     * Gives the superuser a random password and makes every connection authenticate with SCRAM (pg_hba.conf),
     * replacing initdb's trust authentication.
     */
    private void requirePasswords() throws IOException {
        String random = randomSecret();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, TRUST_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + random + "'");
            Files.writeString(dataDirectory().resolve("pg_hba.conf"), """
                    # written by LocalPostgres: passwords (SCRAM) for everyone, loopback only
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot switch PostgreSQL in " + directory + " to password authentication", e);
        }
        password = random;
    }

    /**
     * Creates a database owned by a new role of its own (not a superuser, cannot create roles or databases) with a
     * random password: what a service such as the desk should connect as.
     */
    public PostgresDatabase createDatabaseOwnedBy(String name, String role) {
        if (!DATABASE_NAME.matcher(name).matches()
                || !DATABASE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("not plain lower-case PostgreSQL identifiers: " + name + ", " + role);
        }
        String rolePassword = randomSecret();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                    + rolePassword + "'");
            statement.execute("CREATE DATABASE " + name + " OWNER " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " owned by " + role, e);
        }
        return new PostgresDatabase(name, jdbcUrl(name), role, rolePassword);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        // base64url has no quote: safe inside the SQL literal above
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
    public static final class Builder extends LocalServer.Settings<Builder, LocalPostgres> {
        private boolean passwordAuthentication;

        private Builder() {
            super(Duration.ofSeconds(60));
        }

        /**
         * Password (SCRAM) authentication for every connection, a random superuser password, listening on loopback
         * TCP only, no Unix socket (the demo); default: initdb's trust authentication (tests).
         */
        public Builder passwordAuthentication() {
            this.passwordAuthentication = true;
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        public LocalPostgres build() {
            return new LocalPostgres(this);
        }
    }
}

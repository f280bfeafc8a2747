package org.varsel.cli;

import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The desk's PostgreSQL named on the command line: its JDBC URL, the user, and where the password is. */
final class DatabaseLogin {
    @Option(
            names = "--jdbc-url",
            description = "JDBC URL of the desk's PostgreSQL database, instead of the desk's configuration (demo: "
                    + "instead of an embedded database).")
    Optional<String> jdbcUrl;

    @Option(names = "--db-user", description = "Database user, instead of the desk's configuration (demo: varsel).")
    Optional<String> user;

    @Option(
            names = "--db-password-env",
            defaultValue = "VARSEL_DESK_DB_PASSWORD",
            description = "Environment variable that holds the database password. Default: ${DEFAULT-VALUE}.")
    String passwordVariable;

    /** The password, read only ever from the environment: a command line is visible to every user of the machine. */
    Optional<String> password(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(passwordVariable));
    }
}

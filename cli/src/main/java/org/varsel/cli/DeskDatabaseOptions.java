package org.varsel.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.config.DeskSettings;
import org.varsel.desk.db.Database;
import picocli.CommandLine.Option;

/**
 * Where the desk's database is, for every admin command alike: the desk's own properties file and environment
 * ({@code VARSEL_DESK_DB_*}), or a JDBC URL given here; the password is only ever read from the environment.
 */
final class DeskDatabaseOptions {
    @Option(
            names = "--config",
            description = "The desk's properties file (desk.db.url, desk.db.user, ...); the "
                    + "VARSEL_DESK_* environment variables override it.")
    Optional<Path> config;

    @Option(
            names = "--jdbc-url",
            description = "JDBC URL of the desk's PostgreSQL database (instead of the desk's configuration).")
    Optional<String> jdbcUrl;

    @Option(names = "--db-user", description = "Database user (instead of the desk's configuration).")
    Optional<String> user;

    @Option(
            names = "--db-password-env",
            defaultValue = "VARSEL_DESK_DB_PASSWORD",
            description = "Environment variable that holds the database password. Default: ${DEFAULT-VALUE}.")
    String passwordVariable;

    Database open(Map<String, String> environment) {
        DeskConfig desk = DeskSettings.load(config, environment).desk();
        return Database.open(
                jdbcUrl.orElse(desk.dbUrl()),
                user.orElse(desk.dbUser()),
                Optional.ofNullable(environment.get(passwordVariable)).orElse(desk.dbPassword()));
    }
}

package org.varsel.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.config.DeskSettings;
import org.varsel.desk.db.Database;
import picocli.CommandLine.Mixin;
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

    @Mixin
    DatabaseLogin login;

    Database open(Map<String, String> environment) {
        DeskConfig desk = DeskSettings.load(config, environment).desk();
        return Database.open(
                login.jdbcUrl.orElse(desk.dbUrl()),
                login.user.orElse(desk.dbUser()),
                login.password(environment).orElse(desk.dbPassword()));
    }
}

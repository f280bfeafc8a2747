package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.desk.auth.Credentials;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.db.Database;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;
import picocli.CommandLine;

@ExtendWith(PostgresExtension.class)
class UserCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void addsAUserIssuesTokensSetsPasswordsAndLists(PostgresDatabase db) throws Exception {
        Map<String, String> environment = Map.of(
                "VARSEL_DESK_DB_URL",
                db.jdbcUrl(),
                "VARSEL_DESK_DB_USER",
                db.user(),
                "VARSEL_DESK_DB_PASSWORD",
                db.password(),
                "FIRST",
                "a first long passphrase",
                "SECOND",
                "a second long passphrase",
                "SHORT",
                "short");

        assertThat(run(new UserCommand.Add(), environment, "ada", "--role", "lead", "--password-env", "FIRST"))
                .isZero();
        assertThat(out()).contains("added ada (lead)").contains("API token (shown once): vsl_");
        assertThat(run(new UserCommand.Token(), environment, "ada", "--label", "script"))
                .isZero();
        String token = out().substring(out().lastIndexOf("vsl_")).strip();
        assertThat(run(new UserCommand.Password(), environment, "ada", "--password-env", "SECOND"))
                .isZero();
        assertThat(run(new UserCommand.Password(), environment, "ada", "--password-env", "SHORT"))
                .isNotZero();
        assertThat(run(new UserCommand.Token(), environment, "nobody")).isEqualTo(1);
        assertThat(run(new UserCommand.Add(), environment, "bob", "--role", "chief", "--password-env", "FIRST"))
                .isNotZero();
        out.reset();
        assertThat(run(new UserCommand.List(), environment)).isZero();
        assertThat(out()).containsPattern("ada\\s+lead\\s+-\\s+2");

        try (Database database = Database.open(db.jdbcUrl(), db.user(), db.password())) {
            Sessions sessions = new Sessions(database);
            assertThat(sessions.login("ada", "a first long passphrase".toCharArray()))
                    .isEmpty();
            assertThat(sessions.login("ada", "a second long passphrase".toCharArray()))
                    .isPresent();
            assertThat(new Credentials(database).authenticate(token)).isPresent();
        }
    }

    @Test
    void setsAndClearsWhereAStaffUsersNotificationsAreEmailedButNeverAPartners(PostgresDatabase db) throws Exception {
        Map<String, String> environment = Map.of(
                "VARSEL_DESK_DB_URL",
                db.jdbcUrl(),
                "VARSEL_DESK_DB_USER",
                db.user(),
                "VARSEL_DESK_DB_PASSWORD",
                db.password(),
                "FIRST",
                "a first long passphrase");
        assertThat(run(new UserCommand.Add(), environment, "eve", "--role", "analyst", "--password-env", "FIRST"))
                .isZero();

        assertThat(run(new UserCommand.Email(), environment, "eve", "eve@desk.example"))
                .isZero();
        assertThat(out()).contains("notifications for eve are e-mailed to eve@desk.example");
        try (Database database = Database.open(db.jdbcUrl(), db.user(), db.password())) {
            assertThat(new org.varsel.desk.notify.Notifications(database).email("eve"))
                    .contains("eve@desk.example");
        }
        out.reset();
        assertThat(run(new UserCommand.Email(), environment, "eve", "not an address"))
                .isEqualTo(2);
        assertThat(out()).contains("not an e-mail address");
        assertThat(run(new UserCommand.Email(), environment, "eve"))
                .as("neither an address nor --clear")
                .isEqualTo(2);
        assertThat(run(new UserCommand.Email(), environment, "nobody", "x@desk.example"))
                .isEqualTo(1);
        assertThat(run(new UserCommand.Email(), environment, "eve", "--clear")).isZero();
        try (Database database = Database.open(db.jdbcUrl(), db.user(), db.password())) {
            assertThat(new org.varsel.desk.notify.Notifications(database).email("eve"))
                    .isEmpty();
        }
    }

    private int run(Object command, Map<String, String> environment, String... args) {
        CommandLine line = new CommandLine(command);
        line.setErr(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        DeskAdmin desk = line.getCommandSpec().mixins().values().stream()
                .map(mixin -> mixin.userObject())
                .filter(DeskAdmin.class::isInstance)
                .map(DeskAdmin.class::cast)
                .findFirst()
                .orElseThrow();
        desk.environment = environment;
        desk.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        return line.execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }
}

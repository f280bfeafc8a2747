package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.desk.audit.AuditEvent;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.auth.Credentials;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.db.Database;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;
import picocli.CommandLine;

@ExtendWith(PostgresExtension.class)
class PartnerCommandTest {

    @Test
    void addsAPartnerIssuesAndRevokesTokensAndListsThemWithoutTheirValues(PostgresDatabase database) throws Exception {
        String[] connection = {
            "--jdbc-url", database.jdbcUrl(), "--db-user", database.user(), "--db-password-env", "NO_SUCH_VAR"
        };
        // the embedded server trusts local connections, so an unset password variable works here

        Run added = run(concat(
                new String[] {"partner", "add", "ngo-cli", "--name", "NGO CLI", "--allowed-tlp", "AMBER"}, connection));
        assertThat(added.code()).as(added.out()).isZero();
        String first = added.out()
                .lines()
                .filter(l -> l.startsWith("vsl_"))
                .findFirst()
                .orElseThrow();
        Run token = run(concat(new String[] {"partner", "token", "ngo-cli", "--label", "crawler"}, connection));
        String second = token.out()
                .lines()
                .filter(l -> l.startsWith("vsl_"))
                .findFirst()
                .orElseThrow();

        try (Database db = Database.open(database.jdbcUrl(), database.user(), database.password())) {
            Credentials credentials = new Credentials(db);
            assertThat(credentials.authenticate(first)).contains(Principal.partner("ngo-cli"));
            assertThat(credentials.authenticate(second)).contains(Principal.partner("ngo-cli"));

            Run listed = run(concat(new String[] {"partner", "list"}, connection));
            assertThat(listed.out())
                    .contains("ngo-cli  NGO CLI  allowed-tlp=AMBER  active")
                    .contains("crawler")
                    .doesNotContain(first)
                    .doesNotContain(second);
            String secondId = listed.out()
                    .lines()
                    .filter(l -> l.contains("crawler"))
                    .findFirst()
                    .orElseThrow()
                    .trim()
                    .split("\\s+")[1];

            Run revoked =
                    run(concat(new String[] {"partner", "revoke", "ngo-cli", "--token-id", secondId}, connection));
            assertThat(revoked.out()).contains("1 token(s)");
            assertThat(credentials.authenticate(second)).isEmpty();
            assertThat(credentials.authenticate(first)).isPresent();
            assertThat(run(concat(new String[] {"partner", "revoke", "ngo-cli", "--all"}, connection))
                            .code())
                    .isZero();
            assertThat(credentials.authenticate(first)).isEmpty();
        }
        assertThat(run(concat(new String[] {"partner", "add", "Bad Id", "--name", "x"}, connection))
                        .code())
                .isNotZero();
    }

    @Test
    void everyChangeToAPartnerOrItsTokensIsRecordedInTheAuditLogWithoutTheTokens(PostgresDatabase database)
            throws Exception {
        String[] connection = {
            "--jdbc-url", database.jdbcUrl(), "--db-user", database.user(), "--db-password-env", "NO_SUCH_VAR"
        };
        String first = run(concat(new String[] {"partner", "add", "ngo-audit", "--name", "NGO Audit"}, connection))
                .out();
        String second = run(concat(
                        new String[] {"partner", "token", "ngo-audit", "--label", "feed-reader"}, connection))
                .out();
        assertThat(run(concat(new String[] {"partner", "revoke", "ngo-audit", "--all"}, connection))
                        .code())
                .isZero();
        run(concat(new String[] {"partner", "list"}, connection));

        try (Database db = Database.open(database.jdbcUrl(), database.user(), database.password())) {
            // the other test's partner shares this database: only this partner's events
            List<AuditEvent> events = new AuditLog(db)
                    .list(AuditLog.Query.latest(100)).stream()
                            .filter(event -> event.afterText().contains("\"ngo-audit\""))
                            .toList();
            String actor = "cli:" + System.getProperty("user.name", "unknown");
            assertThat(events)
                    .extracting(AuditEvent::action)
                    .containsExactly("partner-revoke", "partner-token", "partner-add");
            assertThat(events).allSatisfy(event -> {
                assertThat(event.actor()).isEqualTo(actor);
                assertThat(event.after())
                        .hasValueSatisfying(after ->
                                assertThat(after.get("partner").asText()).isEqualTo("ngo-audit"));
                assertThat(event.afterText()).doesNotContain("vsl_");
            });
            assertThat(events.get(0).after().orElseThrow().get("revoked").asInt())
                    .isEqualTo(2);
        }
        assertThat(first + second).contains("vsl_");
    }

    private record Run(int code, String out) {}

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new Varsel()).execute(args);
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

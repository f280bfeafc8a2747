package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;
import org.varsel.pipeline.privacy.HandlePseudonyms;
import org.varsel.pipeline.privacy.PrivacySettings;
import picocli.CommandLine;

@ExtendWith(PostgresExtension.class)
class PrivacyCommandTest {

    @Test
    void erasesTheHandlesPseudonymFromTheDeskAndSaysWhatChanged(PostgresDatabase database, @TempDir Path dir)
            throws Exception {
        String key = PrivacySettings.generateKey();
        Path keyFile = Files.writeString(dir.resolve("handle-key"), key);
        String pseudonym = new HandlePseudonyms(PrivacySettings.of(key, "")).handle("@Alice_K");
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        Incident.EvidenceSignal post = new Incident.EvidenceSignal(
                "sig-1",
                "feed:t",
                "e1",
                at,
                null,
                "x",
                pseudonym,
                "ballots counted twice",
                "en",
                Tlp.GREEN,
                null,
                List.of(),
                List.of(),
                Map.of());
        try (Database db = Database.open(database.jdbcUrl(), database.user(), database.password())) {
            Incident grave = Incident.builder()
                    .id("inc-1")
                    .kind(IncidentKind.HIGH_SEVERITY)
                    .title("t")
                    .firstSeen(at)
                    .lastSeen(at)
                    .updatedAt(at)
                    .signalCount(1)
                    .accountCount(1)
                    .sources(List.of("feed:t"))
                    .platforms(List.of("x"))
                    .languages(List.of("en"))
                    .evidence(new Incident.Evidence(List.of(post), List.of("x:" + pseudonym), List.of(), Map.of()))
                    .severity(80)
                    .tier(Tier.HIGH)
                    .tlp(Tlp.GREEN)
                    .explanation("grave")
                    .build();
            new IncidentStore(db).upsert(List.of(grave));
        }

        Run run = run(
                "privacy",
                "erase",
                "--handle",
                "alice_k",
                "--handle-key-file",
                keyFile.toString(),
                "--actor",
                "dpo",
                "--jdbc-url",
                database.jdbcUrl(),
                "--db-user",
                database.user(),
                "--db-password-env",
                "NO_SUCH_VAR");

        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out())
                .contains(
                        "erased handle alice_k and its pseudonym",
                        "evidence_signals: 1",
                        "inc-1",
                        "privacy.erase",
                        "registered as erasure request 1")
                .doesNotContain(key);
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM incident WHERE payload::text LIKE ?")) {
            s.setString(1, "%" + pseudonym + "%");
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
        Run requests = run(
                "privacy",
                "requests",
                "--jdbc-url",
                database.jdbcUrl(),
                "--db-user",
                database.user(),
                "--db-password-env",
                "NO_SUCH_VAR");
        assertThat(requests.code()).as(requests.out()).isZero();
        assertThat(requests.out())
                .contains("request 1 (handle) by dpo", ": open", "desk: erased", "pipeline-state: pending")
                .doesNotContainIgnoringCase("alice_k")
                .doesNotContain(pseudonym);
        assertThat(run("privacy", "erase", "--handle", "a", "--signal", "b", "--jdbc-url", "x")
                        .code())
                .as("one subject at a time")
                .isNotZero();
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
}

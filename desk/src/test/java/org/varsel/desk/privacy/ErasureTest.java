package org.varsel.desk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.retention.PrivacyFixtures.auditEvent;
import static org.varsel.desk.retention.PrivacyFixtures.count;
import static org.varsel.desk.retention.PrivacyFixtures.evidence;
import static org.varsel.desk.retention.PrivacyFixtures.execute;
import static org.varsel.desk.retention.PrivacyFixtures.incident;
import static org.varsel.desk.retention.PrivacyFixtures.receipt;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** Erasure against a real PostgreSQL: no trace of the handle or its pseudonym is left, other people's data stays. */
@ExtendWith(PostgresExtension.class)
class ErasureTest {
    static final String HANDLE = "Alice_K";
    static final String PSEUDONYM = "anon-0123456789abcdef01234567";
    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private static Database database;
    private static PostgresDatabase db;

    @BeforeAll
    static void open(PostgresDatabase postgres) {
        db = postgres;
        database = Database.open(db.jdbcUrl(), db.user(), db.password());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void erasingAHandleLeavesNoTraceOfItOrItsPseudonym() throws Exception {
        IncidentStore store = new IncidentStore(database);
        store.upsert(List.of(
                incident(
                        "inc-a",
                        AT,
                        List.of(
                                evidence("sig-alice", HANDLE, "Ballots were counted twice, says me"),
                                evidence("sig-bob", "bob", "RT @alice_k: ballots were counted twice"))),
                incident(
                        "inc-b",
                        AT,
                        List.of(
                                evidence("sig-anon", PSEUDONYM, "share before they delete it"),
                                evidence("sig-carol", "carol", "share before they delete it")))));
        execute(db, "UPDATE incident SET status = 'confirmed' WHERE id = 'inc-b'");
        execute(
                db,
                "INSERT INTO incident_comment (incident_id, author, body) VALUES ('inc-a', 'ana', 'same as @ALICE_K last week')");
        auditEvent(db, "inc-a", AT, "{\"comment\": \"same as @alice_k last week\"}");
        receipt(db, "sig-alice", AT);
        receipt(db, "sig-anon", AT);
        receipt(db, "sig-bob", AT);
        execute(
                db,
                "INSERT INTO rejected_message (topic, kafka_partition, kafka_offset, reason, original) VALUES ('varsel.incidents', 0, 7, 'bad', ?)",
                ("{\"author\": \"" + PSEUDONYM + "\"}").getBytes(StandardCharsets.UTF_8));

        Erasure.Report report = new Erasure(database).eraseHandle(Set.of("@" + HANDLE, PSEUDONYM), "cli:dpo");

        assertThat(report.incidents()).containsExactlyInAnyOrder("inc-a", "inc-b");
        assertThat(report.changes())
                .containsEntry("evidence_signals", 2)
                .containsEntry("receipts", 2)
                .containsEntry("comments", 1)
                .containsEntry("audit_events", 1)
                .containsEntry("rejected_messages", 1);
        assertThat(rowsMentioning("alice_k")).isEmpty();
        assertThat(rowsMentioning(PSEUDONYM)).isEmpty();
        for (String id : List.of("inc-a", "inc-b")) {
            QueuedIncident served = store.find(id, Visibility.all()).orElseThrow();
            assertThat(served.toJson().toString())
                    .doesNotContainIgnoringCase("alice_k")
                    .doesNotContain(PSEUDONYM);
        }
        assertThat(
                        count(
                                db,
                                "SELECT count(*) FROM incident WHERE payload::text LIKE '%sig-bob%' AND payload::text LIKE '%RT @[erased]%'"))
                .as("others' evidence stays, the mention is erased")
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM incident WHERE payload::text LIKE '%carol%'"))
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM signal_receipt WHERE signal_id = 'sig-bob'"))
                .isEqualTo(1);
        assertThat(count(
                        db,
                        "SELECT count(*) FROM audit_event WHERE action = ? AND actor = 'cli:dpo' AND after ->> 'subject' = 'handle'",
                        Erasure.ACTION))
                .isEqualTo(1);
    }

    @Test
    void erasingASignalRemovesItFromEvidenceAndReceipts() throws Exception {
        new IncidentStore(database)
                .upsert(List.of(incident(
                        "inc-s",
                        AT,
                        List.of(
                                evidence("sig-gone", "dave", "a post to forget"),
                                evidence("sig-stays", "erin", "another post")))));
        receipt(db, "sig-gone", AT);

        Erasure.Report report = new Erasure(database).eraseSignal("sig-gone", "cli:dpo");

        assertThat(report.incidents()).containsExactly("inc-s");
        assertThat(rowsMentioning("sig-gone")).isEmpty();
        assertThat(rowsMentioning("a post to forget")).isEmpty();
        assertThat(count(db, "SELECT count(*) FROM incident WHERE id = 'inc-s' AND payload::text LIKE '%sig-stays%'"))
                .isEqualTo(1);
    }

    /**
     * Every row of every table in the schema (as text) that contains the string, case-insensitively; but the register of
     * erasure requests, which keeps whom to erase until every store is done (ErasureRegisterTest).
     */
    static List<String> rowsMentioning(String needle) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection connection = db.connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection
                    .createStatement()
                    .executeQuery(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            tables.remove("erasure_request");
            for (String table : tables) {
                try (ResultSet rows =
                        connection.createStatement().executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rows.next()) {
                        String row = rows.getString(1);
                        // bytea columns show as hex: look for the needle's bytes there too
                        String hex = java.util.HexFormat.of().formatHex(needle.getBytes(StandardCharsets.UTF_8));
                        if (row.toLowerCase().contains(needle.toLowerCase())
                                || row.toLowerCase().contains(hex)) {
                            hits.add(table + ": " + row);
                        }
                    }
                }
            }
        }
        return hits;
    }
}

package org.varsel.desk.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.varsel.desk.retention.PrivacyFixtures.auditEvent;
import static org.varsel.desk.retention.PrivacyFixtures.count;
import static org.varsel.desk.retention.PrivacyFixtures.evidence;
import static org.varsel.desk.retention.PrivacyFixtures.execute;
import static org.varsel.desk.retention.PrivacyFixtures.incident;
import static org.varsel.desk.retention.PrivacyFixtures.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.desk.audit.AuditEvent;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.config.DeskSettings;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.incident.Visibility;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** The retention purge against a real PostgreSQL: expired data goes, a confirmed incident's data stays, it is audited. */
@ExtendWith(PostgresExtension.class)
class RetentionPurgeTest {
    static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");
    static final Instant OLD = NOW.minus(Duration.ofDays(120)); // past incidents (P90D) and evidence, within P730D
    static final Instant RECENT = NOW.minus(Duration.ofDays(10));

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
    void purgesExpiredDataKeepsConfirmedIncidentsAndAuditsTheRun() throws Exception {
        IncidentStore store = new IncidentStore(database);
        store.upsert(List.of(
                incident("inc-old", OLD, List.of(evidence("sig-old", "anon-aaaaaaaaaaaaaaaaaaaaaaaa", "old claim"))),
                incident(
                        "inc-confirmed",
                        OLD,
                        List.of(evidence("sig-conf", "anon-bbbbbbbbbbbbbbbbbbbbbbbb", "confirmed claim"))),
                incident(
                        "inc-fresh",
                        RECENT,
                        List.of(evidence("sig-fresh", "anon-cccccccccccccccccccccccc", "fresh claim"))),
                incident(
                        "inc-evidence-aged",
                        NOW.minus(Duration.ofDays(40)),
                        List.of(evidence("sig-aged", "anon-dddddddddddddddddddddddd", "aged claim")))));
        execute(db, "UPDATE incident SET status = 'confirmed', status_changed_at = ? WHERE id = 'inc-confirmed'", OLD);
        execute(
                db,
                "INSERT INTO incident_comment (incident_id, author, body, created_at) VALUES ('inc-old', 'ana', 'seen before', ?)",
                OLD);
        receipt(db, "sig-old", OLD);
        receipt(db, "sig-conf", OLD);
        receipt(db, "sig-fresh", RECENT);
        execute(
                db,
                "INSERT INTO signal_dead_letter (kafka_partition, kafka_offset, source, signal_id, reason, failed_at, stored_at)"
                        + " VALUES (0, 1, 'partner:ngo-a', 'sig-x', 'bad json', ?, ?), (0, 2, 'partner:ngo-a', 'sig-y', 'bad json', ?, ?)",
                OLD,
                OLD,
                RECENT,
                RECENT);
        Instant ancient = NOW.minus(Duration.ofDays(1200));
        auditEvent(db, null, ancient, "{\"login\": true}");
        auditEvent(db, "inc-confirmed", ancient, "{\"comment\": \"kept with its incident\"}");
        auditEvent(db, null, RECENT, "{\"login\": true}");
        long auditBefore = count(db, "SELECT count(*) FROM audit_event");

        Map<String, Integer> counts =
                new RetentionPurge(database, DeskSettings.defaults().retention()).run(NOW);

        assertThat(counts)
                .containsEntry("incidents", 1)
                .containsEntry("confirmed_incidents", 0)
                .containsEntry("evidence_stripped", 1)
                .containsEntry("receipts", 1)
                .containsEntry("dead_letters", 1)
                .containsEntry("audit_events", 1);
        assertThat(count(db, "SELECT count(*) FROM incident WHERE id = 'inc-old'"))
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM incident_comment"))
                .as("comments go with their incident")
                .isZero();
        assertThat(store.find("inc-confirmed", Visibility.all())).isPresent();
        assertThat(
                        count(
                                db,
                                "SELECT jsonb_array_length(payload -> 'evidence' -> 'signals') FROM incident WHERE id = 'inc-confirmed'"))
                .as("a confirmed incident keeps its evidence")
                .isEqualTo(1);
        assertThat(
                        count(
                                db,
                                "SELECT jsonb_array_length(payload -> 'evidence' -> 'signals') FROM incident WHERE id = 'inc-evidence-aged'"))
                .as("evidence of an unconfirmed incident goes before the incident")
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM incident WHERE payload::text LIKE '%anon-dddd%'"))
                .isZero();
        assertThat(
                        count(
                                db,
                                "SELECT jsonb_array_length(payload -> 'evidence' -> 'signals') FROM incident WHERE id = 'inc-fresh'"))
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM signal_receipt WHERE signal_id = 'sig-old'"))
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM signal_receipt WHERE signal_id IN ('sig-conf', 'sig-fresh')"))
                .as("the receipt of a confirmed incident's signal stays")
                .isEqualTo(2);
        assertThat(count(db, "SELECT count(*) FROM signal_dead_letter")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM audit_event WHERE incident_id = 'inc-confirmed'"))
                .isEqualTo(1);

        List<AuditEvent> purges = new AuditLog(database)
                .list(new AuditLog.Query(
                        Optional.empty(),
                        Optional.of(RetentionPurge.ACTION),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        10));
        assertThat(purges).hasSize(1);
        assertThat(purges.get(0).actor()).isEqualTo(RetentionPurge.ACTOR);
        JsonNode after = purges.get(0).after().orElseThrow();
        assertThat(after.get("incidents").asInt()).isEqualTo(1);
        assertThat(after.get("audit_events").asInt()).isEqualTo(1);
        assertThat(after.at("/periods/incidents").asText()).isEqualTo("PT2160H");
        assertThat(count(db, "SELECT count(*) FROM audit_event")).isEqualTo(auditBefore - 1 + 1);

        // a second run finds nothing due and still leaves its record
        assertThat(new RetentionPurge(database, DeskSettings.defaults().retention())
                        .run(NOW)
                        .values())
                .containsOnly(0);
        assertThat(count(db, "SELECT count(*) FROM audit_event WHERE action = ?", RetentionPurge.ACTION))
                .isEqualTo(2);

        // outside a purge the audit log is still append-only
        assertThatThrownBy(() -> execute(db, "DELETE FROM audit_event")).hasMessageContaining("append-only");
    }

    @Test
    void configurationIsCheckedAndOverridable() {
        RetentionConfig config = DeskSettings.fromMap(Map.of(RetentionConfig.INCIDENTS, "P60D", "desk.http.port", "0"))
                .retention();
        assertThat(config.incidents()).isEqualTo(Duration.ofDays(60));
        assertThat(config.confirmedIncidents()).isEqualTo(Duration.ofDays(730));
        assertThatThrownBy(() -> DeskSettings.fromMap(Map.of("desk.retention.incident", "P1D")))
                .hasMessageContaining(
                        "unknown desk setting: desk.retention.incident (did you mean desk.retention.incidents?)");
        assertThatThrownBy(() -> DeskSettings.fromMap(Map.of(RetentionConfig.EVIDENCE, "P200D")))
                .hasMessageContaining(RetentionConfig.EVIDENCE);
    }
}

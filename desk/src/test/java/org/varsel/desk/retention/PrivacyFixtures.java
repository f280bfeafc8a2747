package org.varsel.desk.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.local.PostgresDatabase;

/** Incidents, receipts and audit events with chosen ages, for the retention and erasure tests. */
public final class PrivacyFixtures {
    private PrivacyFixtures() {}

    public static Incident.EvidenceSignal evidence(String signalId, String author, String text) {
        return new Incident.EvidenceSignal(
                signalId,
                "partner:ngo-a",
                "ext-" + signalId,
                Instant.parse("2026-01-01T10:00:00Z"),
                "https://x.com/" + author + "/status/" + signalId.hashCode(),
                "x",
                author,
                text,
                "en",
                Tlp.GREEN,
                "disinformation",
                List.of(),
                List.of(),
                Map.of());
    }

    /** An incident last seen at {@code lastSeen}, showing these evidence signals and their authors. */
    public static Incident incident(String id, Instant lastSeen, List<Incident.EvidenceSignal> signals) {
        List<String> accounts =
                signals.stream().map(s -> "x:" + s.author()).distinct().toList();
        return Incident.builder()
                .id(id)
                .kind(IncidentKind.CO_SIMILAR_TEXT)
                .title("Ballots counted twice: " + id)
                .firstSeen(lastSeen.minusSeconds(3600))
                .lastSeen(lastSeen)
                .updatedAt(lastSeen)
                .signalCount(signals.size())
                .accountCount(accounts.size())
                .sources(List.of("partner:ngo-a"))
                .platforms(List.of("x"))
                .languages(List.of("en"))
                .categories(List.of("disinformation"))
                .evidence(new Incident.Evidence(signals, accounts, List.of(), Map.of()))
                .severity(40)
                .tier(Tier.MEDIUM)
                .tlp(Tlp.GREEN)
                .explanation(signals.size() + " accounts posted near-duplicate text")
                .build();
    }

    public static void execute(PostgresDatabase database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof Instant t ? Timestamp.from(t) : parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    public static long count(PostgresDatabase database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof Instant t ? Timestamp.from(t) : parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    public static void receipt(PostgresDatabase database, String signalId, Instant receivedAt) throws SQLException {
        execute(
                database,
                "INSERT INTO signal_receipt (source, external_id, signal_id, fingerprint, tlp, observed_at, received_at)"
                        + " VALUES ('partner:ngo-a', ?, ?, ?, 'GREEN', ?, ?)",
                "ext-" + signalId,
                signalId,
                "a".repeat(64),
                receivedAt,
                receivedAt);
    }

    public static void auditEvent(PostgresDatabase database, String incidentId, Instant at, String afterJson)
            throws SQLException {
        execute(
                database,
                "INSERT INTO audit_event (at, actor, action, incident_id, after) VALUES (?, 'ana', 'comment', ?, ?::jsonb)",
                at,
                incidentId,
                afterJson);
    }
}

package org.varsel.desk.retention;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;

/**
 * One purge run: removes what outlived its period (see {@link RetentionConfig}), in one transaction, and records
 * the counts as one audit event ({@value #ACTION} by {@value #ACTOR}), even when nothing was due.
 *
 * <p>An incident is <em>kept</em> (its evidence, receipts of its signals and its audit events stay) while it is
 * confirmed or escalated, has a confirmed verdict, or a brief went out for it; it then goes after
 * {@code desk.retention.confirmed-incidents} since its last activity.
 */
public final class RetentionPurge {
    public static final String ACTOR = "system:retention";
    public static final String ACTION = "retention.purge";
    private static final Duration IDLE_RATE_LIMIT_BUCKET = Duration.ofDays(1);

    private final Database database;
    private final AuditLog audit;
    private final RetentionConfig config;

    public RetentionPurge(Database database, RetentionConfig config) {
        this.database = database;
        this.audit = new AuditLog(database);
        this.config = config;
    }

    /** Purges what is older than its period at {@code now}; returns the counts per data class. */
    public Map<String, Integer> run(Instant now) throws SQLException {
        IncidentStore incidents = new IncidentStore(database);
        return database.inTransaction(connection -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("incidents", incidents.deleteUnkeptSeenBefore(connection, now.minus(config.incidents())));
            counts.put(
                    "confirmed_incidents",
                    incidents.deleteKeptIdleBefore(connection, now.minus(config.confirmedIncidents())));
            counts.put(
                    "evidence_stripped", incidents.stripEvidenceSeenBefore(connection, now.minus(config.evidence())));
            counts.put(
                    "receipts",
                    update(
                            connection,
                            "DELETE FROM signal_receipt r WHERE r.received_at < ? AND NOT EXISTS (SELECT 1 FROM incident i WHERE "
                                    + "i.payload -> 'evidence' -> 'signals' @> jsonb_build_array(jsonb_build_object('signal_id', r.signal_id))"
                                    + " AND " + IncidentStore.KEPT + ")",
                            cutoff(now, config.receipts())));
            Timestamp deadLetters = cutoff(now, config.deadLetters());
            counts.put(
                    "dead_letters",
                    update(connection, "DELETE FROM signal_dead_letter WHERE stored_at < ?", deadLetters)
                            + update(connection, "DELETE FROM rejected_message WHERE received_at < ?", deadLetters));
            counts.put(
                    "expired_sessions",
                    update(connection, "DELETE FROM app_session WHERE expires_at < ?", Timestamp.from(now)));
            // a day idle refills any bucket the desk configures: the row is the same as a new one
            counts.put(
                    "rate_limit_buckets",
                    update(
                            connection,
                            "DELETE FROM rate_limit_bucket WHERE updated_at < ?",
                            cutoff(now, IDLE_RATE_LIMIT_BUCKET)));
            try (Statement allow = connection.createStatement()) {
                allow.execute("SET LOCAL varsel.audit_change = 'retention'");
            }
            counts.put(
                    "audit_events",
                    update(
                            connection,
                            "DELETE FROM audit_event a WHERE a.at < ? AND NOT EXISTS (SELECT 1 FROM incident i WHERE i.id = a.incident_id"
                                    + " AND " + IncidentStore.KEPT + ")",
                            cutoff(now, config.audit())));
            try (Statement reset = connection.createStatement()) {
                reset.execute("RESET varsel.audit_change");
            }
            ObjectNode after = Json.mapper().createObjectNode();
            counts.forEach(after::put);
            after.put("at", now.toString());
            ObjectNode periods = after.putObject("periods");
            periods.put("evidence", config.evidence().toString());
            periods.put("incidents", config.incidents().toString());
            periods.put("confirmed_incidents", config.confirmedIncidents().toString());
            periods.put("receipts", config.receipts().toString());
            periods.put("dead_letters", config.deadLetters().toString());
            periods.put("audit", config.audit().toString());
            audit.record(connection, ACTOR, ACTION, Optional.empty(), Optional.empty(), Optional.of(after));
            return counts;
        });
    }

    private static Timestamp cutoff(Instant now, Duration period) {
        return Timestamp.from(now.minus(period));
    }

    private static int update(Connection connection, String sql, Timestamp cutoff) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, cutoff);
            return statement.executeUpdate();
        }
    }
}

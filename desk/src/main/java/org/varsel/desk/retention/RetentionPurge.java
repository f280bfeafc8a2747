package org.varsel.desk.retention;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.db.Database;
import org.varsel.desk.http.RateLimiter;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.incident.RejectedMessages;
import org.varsel.desk.intake.DeadLetterConsumer;
import org.varsel.desk.intake.SignalIntake;

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
            counts.put("receipts", SignalIntake.deleteUnkeptReceivedBefore(connection, now.minus(config.receipts())));
            Instant deadLetters = now.minus(config.deadLetters());
            counts.put(
                    "dead_letters",
                    DeadLetterConsumer.deleteStoredBefore(connection, deadLetters)
                            + RejectedMessages.deleteReceivedBefore(connection, deadLetters));
            counts.put("expired_sessions", Sessions.deleteExpired(connection, now));
            counts.put("rate_limit_buckets", RateLimiter.deleteIdle(connection, now));
            counts.put("audit_events", audit.deleteBefore(connection, now.minus(config.audit())));
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
}

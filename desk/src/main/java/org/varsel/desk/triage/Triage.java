package org.varsel.desk.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.varsel.contract.Json;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStatus;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.notify.Notifications;
import org.varsel.desk.triage.TriageException.Kind;

/**
 * What analysts do to incidents: change status (enforcing the {@link Workflow}), assign, comment. Each action is
 * one transaction with its audit entry; a verdict (confirmed, dismissed) is also queued for {@code varsel.feedback}.
 */
public final class Triage {
    public static final int MAX_COMMENT = 10_000;
    public static final int MAX_REASON = 2_000;
    public static final int MAX_BULK = 500;

    private final Database database;
    private final AuditLog audit;
    private final Runnable verdictRecorded;
    private final IncidentStore incidents;

    /** @param verdictRecorded told after a verdict is committed (wakes the feedback publisher) */
    public Triage(Database database, AuditLog audit, Runnable verdictRecorded) {
        this.database = database;
        this.audit = audit;
        this.verdictRecorded = verdictRecorded;
        this.incidents = new IncidentStore(database);
    }

    /** The analyst-owned state of an incident. */
    public record State(IncidentStatus status, Optional<String> assignee, Optional<String> reason) {
        ObjectNode toJson() {
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("status", status.label());
            json.put("assignee", assignee.orElse(null));
            json.put("reason", reason.orElse(null));
            return json;
        }
    }

    /** Moves the incident to another status; a dismissal needs a reason. Returns the new state. */
    public State changeStatus(Principal who, String incidentId, IncidentStatus to, Optional<String> reason)
            throws SQLException, TriageException {
        requireTriager(who);
        Optional<String> why = reason.map(String::strip).filter(r -> !r.isEmpty());
        if (Workflow.needsReason(to) && why.isEmpty()) {
            throw new TriageException(Kind.INVALID, "a dismissal needs a reason");
        }
        if (why.isPresent() && why.get().length() > MAX_REASON) {
            throw new TriageException(Kind.INVALID, "the reason is longer than " + MAX_REASON + " characters");
        }
        boolean[] verdict = {false};
        State after = inTransaction(connection -> {
            Locked locked = lock(connection, incidentId);
            Optional<String> refusal = Workflow.refusal(locked.state.status(), to, who.role());
            if (refusal.isPresent()) {
                throw new TriageException(
                        who.role() == Role.ANALYST && refusal.get().startsWith("only") ? Kind.FORBIDDEN : Kind.CONFLICT,
                        refusal.get());
            }
            incidents.setStatus(connection, incidentId, to, why);
            State next = new State(to, locked.state.assignee(), why);
            audit.record(
                    connection,
                    AuditLog.actor(who),
                    "status",
                    Optional.of(incidentId),
                    Optional.of(locked.state.toJson()),
                    Optional.of(next.toJson()));
            if (Workflow.isVerdict(to)) {
                insertVerdict(connection, who, incidentId, locked, to, why);
                verdict[0] = true;
            }
            return next;
        });
        if (verdict[0]) {
            verdictRecorded.run();
        }
        return after;
    }

    /**
     * Assigns the incident to a desk user (empty: unassigns): analysts, leads and admins hand incidents to any colleague.
     * Audited; the assignee is notified (inbox, and e-mail when configured) unless they took it themselves.
     */
    public State assign(Principal who, String incidentId, Optional<String> assignee)
            throws SQLException, TriageException {
        requireTriager(who);
        Optional<String> target = assignee.map(String::strip).filter(a -> !a.isEmpty());
        return inTransaction(connection -> {
            Locked locked = lock(connection, incidentId);
            if (target.isPresent()) {
                requireAssignable(connection, target.get());
            }
            incidents.setAssignee(connection, incidentId, target);
            State next = new State(locked.state.status(), target, locked.state.reason());
            audit.record(
                    connection,
                    AuditLog.actor(who),
                    "assign",
                    Optional.of(incidentId),
                    Optional.of(locked.state.toJson()),
                    Optional.of(next.toJson()));
            if (target.isPresent() && !target.equals(locked.state.assignee())) {
                Notifications.assigned(connection, target.get(), incidentId, AuditLog.actor(who));
            }
            return next;
        });
    }

    public Comment comment(Principal who, String incidentId, String body) throws SQLException, TriageException {
        requireTriager(who);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            throw new TriageException(Kind.INVALID, "a comment has 1 to " + MAX_COMMENT + " characters");
        }
        return inTransaction(connection -> {
            lock(connection, incidentId);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO incident_comment (incident_id, author, body) VALUES (?, ?, ?) RETURNING id, created_at")) {
                insert.setString(1, incidentId);
                insert.setString(2, AuditLog.actor(who));
                insert.setString(3, text);
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    Comment comment = new Comment(
                            rows.getLong(1),
                            incidentId,
                            AuditLog.actor(who),
                            text,
                            rows.getTimestamp(2).toInstant());
                    ObjectNode after = Json.mapper().createObjectNode();
                    after.put("comment_id", comment.id());
                    after.put("body", text);
                    audit.record(
                            connection,
                            AuditLog.actor(who),
                            "comment",
                            Optional.of(incidentId),
                            Optional.empty(),
                            Optional.of(after));
                    return comment;
                }
            }
        });
    }

    public List<Comment> comments(String incidentId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id, author, body, created_at FROM incident_comment WHERE incident_id = ? ORDER BY id")) {
            select.setString(1, incidentId);
            List<Comment> comments = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    comments.add(new Comment(
                            rows.getLong(1),
                            incidentId,
                            rows.getString(2),
                            rows.getString(3),
                            rows.getTimestamp(4).toInstant()));
                }
            }
            return comments;
        }
    }

    /** The pipeline versions the desk stored for the incident, oldest first. */
    public List<Revision> revisions(String incidentId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT version, tier, severity, signal_count, "
                        + "stored_at FROM incident_revision WHERE incident_id = ? ORDER BY version")) {
            select.setString(1, incidentId);
            List<Revision> revisions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    revisions.add(new Revision(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getInt(3),
                            rows.getInt(4),
                            rows.getTimestamp(5).toInstant()));
                }
            }
            return revisions;
        }
    }

    /** Users an incident can be assigned to (analysts, leads, admins), by name. */
    public List<String> assignableUsers() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT username FROM app_user WHERE role <> 'partner' ORDER BY username");
                ResultSet rows = select.executeQuery()) {
            List<String> users = new ArrayList<>();
            while (rows.next()) {
                users.add(rows.getString(1));
            }
            return users;
        }
    }

    /** The result of one incident in a bulk action: empty error when it was done. */
    public record BulkOutcome(String incidentId, Optional<String> error) {}

    /** Applies the same action to many incidents, each in its own transaction: one refusal does not stop the rest. */
    public List<BulkOutcome> bulk(Principal who, List<String> incidentIds, BulkAction action)
            throws SQLException, TriageException {
        requireTriager(who);
        Set<String> ids = new LinkedHashSet<>(incidentIds);
        if (ids.isEmpty() || ids.size() > MAX_BULK) {
            throw new TriageException(Kind.INVALID, "a bulk action takes 1 to " + MAX_BULK + " incidents");
        }
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (String id : ids) {
            try {
                action.apply(this, who, id);
                outcomes.add(new BulkOutcome(id, Optional.empty()));
            } catch (TriageException refused) {
                outcomes.add(new BulkOutcome(id, Optional.of(refused.getMessage())));
            }
        }
        return outcomes;
    }

    /** One action applied to each incident of a bulk request. */
    @FunctionalInterface
    public interface BulkAction {
        void apply(Triage triage, Principal who, String incidentId) throws SQLException, TriageException;
    }

    private static void requireTriager(Principal who) throws TriageException {
        if (who.isAnonymous() || who.role() == Role.PARTNER) {
            throw new TriageException(Kind.FORBIDDEN, "only analysts, leads and admins triage incidents");
        }
    }

    private static void requireAssignable(Connection connection, String username) throws SQLException, TriageException {
        try (PreparedStatement select = connection.prepareStatement("SELECT role FROM app_user WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next() || Role.PARTNER.label().equals(rows.getString(1))) {
                    throw new TriageException(Kind.INVALID, "no analyst, lead or admin is called " + username);
                }
            }
        }
    }

    private record Locked(State state, long version, JsonNode payload) {}

    private Locked lock(Connection connection, String incidentId) throws SQLException, TriageException {
        IncidentStore.Locked row = incidents
                .lock(connection, incidentId)
                .orElseThrow(() -> new TriageException(Kind.NOT_FOUND, "no such incident"));
        return new Locked(new State(row.status(), row.assignee(), row.statusReason()), row.version(), row.payload());
    }

    private static void insertVerdict(
            Connection connection,
            Principal who,
            String incidentId,
            Locked locked,
            IncidentStatus verdict,
            Optional<String> reason)
            throws SQLException {
        List<String> ruleIds = new ArrayList<>();
        locked.payload.path("rule_hits").forEach(hit -> {
            if (hit.hasNonNull("rule_id")) {
                ruleIds.add(hit.get("rule_id").asText());
            }
        });
        List<String> categories = new ArrayList<>();
        locked.payload.path("categories").forEach(category -> categories.add(category.asText()));
        JsonNode model = locked.payload.path("classifier").path("model_version");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO verdict (event_id, incident_id, "
                + "incident_version, verdict, reason, rule_ids, model_version, categories, analyst) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, incidentId);
            insert.setLong(3, locked.version);
            insert.setString(4, verdict.label());
            insert.setString(5, reason.orElse(null));
            insert.setArray(6, connection.createArrayOf("text", ruleIds.toArray()));
            insert.setString(7, model.isTextual() ? model.asText() : null);
            insert.setArray(8, connection.createArrayOf("text", categories.toArray()));
            insert.setString(9, AuditLog.actor(who));
            insert.executeUpdate();
        }
    }

    private <T> T inTransaction(TriageWork<T> work) throws SQLException, TriageException {
        try {
            return database.inTransaction(connection -> {
                try {
                    return work.run(connection);
                } catch (TriageException refused) {
                    throw new Refused(refused);
                }
            });
        } catch (Refused refused) {
            throw refused.cause;
        }
    }

    @FunctionalInterface
    private interface TriageWork<T> {
        T run(Connection connection) throws SQLException, TriageException;
    }

    /** Carries a refusal out of {@link Database#inTransaction}, which rolls back on runtime exceptions. */
    private static final class Refused extends RuntimeException {
        private final TriageException cause;

        Refused(TriageException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}

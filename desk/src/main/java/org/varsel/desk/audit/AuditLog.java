package org.varsel.desk.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.varsel.contract.Json;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;

/** The append-only record of every action people take at the desk (the table refuses updates and deletes). */
public final class AuditLog {
    public static final int MAX_PAGE = 1000;
    private static final String COLUMNS = "id, at, actor, action, incident_id, before::text, after::text";

    private final Database database;

    /** The name an action is recorded under: the username, or {@code partner:<id>} for a partner's token. */
    public static String actor(Principal who) {
        return who.kind() == Principal.Kind.PARTNER ? "partner:" + who.name() : who.name();
    }

    public AuditLog(Database database) {
        this.database = database;
    }

    /** Which events to read: all filters optional, newest first, {@code beforeId} pages back through time. */
    public record Query(
            Optional<String> actor,
            Optional<String> action,
            Optional<String> incidentId,
            Optional<Instant> from,
            Optional<Instant> to,
            Optional<Long> beforeId,
            int limit) {
        public static Query latest(int limit) {
            return new Query(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    limit);
        }
    }

    /** Records an action inside the caller's transaction, so the change and its audit entry stand or fall together. */
    public void record(
            Connection connection,
            String actor,
            String action,
            Optional<String> incidentId,
            Optional<JsonNode> before,
            Optional<JsonNode> after)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_event (actor, action, incident_id, before, after) VALUES (?, ?, ?, ?::jsonb, ?::jsonb)")) {
            insert.setString(1, actor);
            insert.setString(2, action);
            insert.setString(3, incidentId.orElse(null));
            insert.setString(4, before.map(JsonNode::toString).orElse(null));
            insert.setString(5, after.map(JsonNode::toString).orElse(null));
            insert.executeUpdate();
        }
    }

    /**
     * Deletes the events before the cutoff, except those of incidents retention keeps ({@link IncidentStore#KEPT}), in
     * the caller's transaction; returns how many.
     */
    public int deleteBefore(Connection connection, Instant cutoff) throws SQLException {
        return changing(
                connection,
                "retention",
                () -> Database.update(
                        connection,
                        "DELETE FROM audit_event a WHERE a.at < ?"
                                + " AND NOT EXISTS (SELECT 1 FROM incident i WHERE i.id = a.incident_id AND "
                                + IncidentStore.KEPT
                                + ")",
                        Timestamp.from(cutoff)));
    }

    /**
     * Rewrites the events whose actor or before/after match a PostgreSQL regular expression (case-insensitively) with
     * the scrubbed actor and JSON, in the caller's transaction (an erasure); returns how many.
     */
    public int rewriteMatching(
            Connection connection,
            String postgresRegex,
            UnaryOperator<String> scrubText,
            UnaryOperator<JsonNode> scrubJson)
            throws SQLException {
        return changing(connection, "erasure", () -> {
            int changed = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT id, before::text, after::text, actor"
                            + " FROM audit_event WHERE before::text ~* ? OR after::text ~* ? OR actor ~* ?");
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE audit_event SET before = ?::jsonb, after = ?::jsonb, actor = ? WHERE id = ?")) {
                select.setString(1, postgresRegex);
                select.setString(2, postgresRegex);
                select.setString(3, postgresRegex);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        update.setString(
                                1,
                                json(rows.getString(2))
                                        .map(scrubJson)
                                        .map(JsonNode::toString)
                                        .orElse(null));
                        update.setString(
                                2,
                                json(rows.getString(3))
                                        .map(scrubJson)
                                        .map(JsonNode::toString)
                                        .orElse(null));
                        update.setString(3, scrubText.apply(rows.getString(4)));
                        update.setLong(4, rows.getLong(1));
                        changed += update.executeUpdate();
                    }
                }
            }
            return changed;
        });
    }

    /** The log is append-only: its trigger lets a change through only while the transaction names why. */
    private static int changing(Connection connection, String why, SqlWork work) throws SQLException {
        try (PreparedStatement allow =
                connection.prepareStatement("SELECT set_config('varsel.audit_change', ?, true)")) {
            allow.setString(1, why);
            allow.execute();
        }
        int changed = work.run();
        try (Statement reset = connection.createStatement()) {
            reset.execute("RESET varsel.audit_change");
        }
        return changed;
    }

    @FunctionalInterface
    private interface SqlWork {
        int run() throws SQLException;
    }

    /** Records an action about no incident (a sign-in, an export, an account change) in a transaction of its own. */
    public void record(String actor, String action, Optional<JsonNode> details) throws SQLException {
        database.inTransaction(connection -> {
            record(connection, actor, action, Optional.empty(), Optional.empty(), details);
            return null;
        });
    }

    public List<AuditEvent> list(Query query) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        query.actor().ifPresent(a -> {
            conditions.add("actor = ?");
            parameters.add(a);
        });
        query.action().ifPresent(a -> {
            conditions.add("action = ?");
            parameters.add(a);
        });
        query.incidentId().ifPresent(i -> {
            conditions.add("incident_id = ?");
            parameters.add(i);
        });
        query.from().ifPresent(t -> {
            conditions.add("at >= ?");
            parameters.add(t.atOffset(ZoneOffset.UTC));
        });
        query.to().ifPresent(t -> {
            conditions.add("at < ?");
            parameters.add(t.atOffset(ZoneOffset.UTC));
        });
        query.beforeId().ifPresent(id -> {
            conditions.add("id < ?");
            parameters.add(id);
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM audit_event" + where + " ORDER BY id DESC LIMIT ?")) {
            int index = 1;
            for (Object parameter : parameters) {
                select.setObject(index++, parameter);
            }
            select.setInt(index, Math.min(Math.max(query.limit(), 1), MAX_PAGE));
            return read(select);
        }
    }

    /** The incident's history of people's actions, oldest first. */
    public List<AuditEvent> forIncident(String incidentId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM audit_event WHERE incident_id = ? ORDER BY id")) {
            select.setString(1, incidentId);
            return read(select);
        }
    }

    /** The newest event about an incident (0 when none): the queue's "changed since" stamp. */
    public long latestIncidentEventId() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT coalesce(max(id), 0) FROM audit_event WHERE incident_id IS NOT NULL");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** People's actions on incidents after event {@code afterId}, newest first, at most {@code limit}. */
    public List<AuditEvent> incidentEventsAfter(long afterId, int limit) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM audit_event WHERE id > ? AND incident_id IS NOT NULL ORDER BY id DESC LIMIT ?")) {
            select.setLong(1, afterId);
            select.setInt(2, Math.min(Math.max(limit, 1), MAX_PAGE));
            return read(select);
        }
    }

    /** Writes the events as CSV (RFC 4180; cells that a spreadsheet would run as a formula are quoted with '). */
    public static void writeCsv(List<AuditEvent> events, Writer out) throws IOException {
        out.write("id,at,actor,action,incident_id,before,after\r\n");
        for (AuditEvent event : events) {
            out.write(String.join(
                    ",",
                    String.valueOf(event.id()),
                    event.at().toString(),
                    cell(event.actor()),
                    cell(event.action()),
                    cell(event.incidentId().orElse("")),
                    cell(event.beforeText()),
                    cell(event.afterText())));
            out.write("\r\n");
        }
    }

    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static List<AuditEvent> read(PreparedStatement select) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                events.add(new AuditEvent(
                        rows.getLong(1),
                        rows.getTimestamp(2).toInstant(),
                        rows.getString(3),
                        rows.getString(4),
                        Optional.ofNullable(rows.getString(5)),
                        json(rows.getString(6)),
                        json(rows.getString(7))));
            }
        }
        return events;
    }

    private static Optional<JsonNode> json(String text) throws SQLException {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readTree(text));
        } catch (JsonProcessingException e) {
            throw new SQLException("audit_event holds invalid JSON", e);
        }
    }
}

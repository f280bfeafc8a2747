package org.varsel.desk.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.Json;
import org.varsel.desk.db.Database;

/**
 * The one home of the {@code incident} table's SQL: keeps the highest version of each incident next to the analysts'
 * status and assignee, and holds the lookups, triage changes, erasure and retention statements other areas call.
 */
public final class IncidentStore {
    // Only a newer version replaces a row, and never the analyst-owned columns (status, assignee, status_changed_at).
    private static final String UPSERT = """
      INSERT INTO incident (id, version, kind, tier, severity, tlp, title, first_seen, last_seen, updated_at,
                            signal_count, account_count, sources, platforms, categories, languages, payload, merged_into)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
      ON CONFLICT (id) DO UPDATE SET
        version = EXCLUDED.version, kind = EXCLUDED.kind, tier = EXCLUDED.tier, severity = EXCLUDED.severity,
        tlp = EXCLUDED.tlp, title = EXCLUDED.title, first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen,
        updated_at = EXCLUDED.updated_at, signal_count = EXCLUDED.signal_count,
        account_count = EXCLUDED.account_count, sources = EXCLUDED.sources, platforms = EXCLUDED.platforms,
        categories = EXCLUDED.categories, languages = EXCLUDED.languages, payload = EXCLUDED.payload, stored_at = now(),
        merged_into = EXCLUDED.merged_into
      WHERE incident.version < EXCLUDED.version
      """;
    /** The columns {@link #read} reads, in its order. */
    public static final String COLUMNS = "id, version, status, assignee, received_at, status_changed_at, payload::text";

    private static final String CHILD_SAFETY_BY_WEEK = """
      SELECT to_char(date_trunc('week', i.first_seen AT TIME ZONE 'UTC'), 'IYYY-"W"IW') AS week,
             date_trunc('week', i.first_seen AT TIME ZONE 'UTC')::date AS week_start,
             c.category, lower(p.platform) AS platform, count(DISTINCT i.id) AS incidents
      FROM incident i
      CROSS JOIN LATERAL unnest(i.categories) AS c(category)
      CROSS JOIN LATERAL unnest(i.platforms) AS p(platform)
      WHERE c.category LIKE 'child-%' AND lower(p.platform) = ANY(?) AND i.first_seen >= ?
      GROUP BY 1, 2, 3, 4
      ORDER BY 2, 3, 4
      """;

    private final Database database;

    public IncidentStore(Database database) {
        this.database = database;
    }

    /** Stores the updates in one transaction; returns how many changed a row (older or repeated versions do not). */
    public int upsert(List<Incident> updates) throws SQLException {
        return database.inTransaction(connection -> upsert(connection, updates));
    }

    /** Stores the updates, in order, inside the caller's transaction; returns how many changed a row. */
    public int upsert(Connection connection, List<Incident> updates) throws SQLException {
        if (updates.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (Incident incident : updates) {
                bind(connection, statement, incident);
                statement.addBatch();
            }
            int changed = 0;
            for (int count : statement.executeBatch()) {
                changed += Math.max(count, 0);
            }
            return changed;
        }
    }

    /** The incident with this id, if it exists and the reader may see it. */
    public Optional<QueuedIncident> find(String id, Visibility visibility) throws SQLException {
        Filter filter = new Filter(visibility);
        filter.add("id = ?", id);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM incident" + filter.where())) {
            filter.bind(connection, statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** The escalated incidents seen on a platform, most urgent first. */
    public List<String> escalatedOn(String platform, int limit) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("""
            SELECT id FROM incident WHERE status = 'escalated' AND platforms @> ?
            ORDER BY tier_rank, severity DESC, last_seen DESC, id LIMIT ?
            """)) {
            query.setArray(1, connection.createArrayOf("text", new Object[] {platform}));
            query.setInt(2, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** How many incidents of a harm category a platform saw in one ISO week. */
    public record WeeklyCount(String week, String weekStart, String category, String platform, long incidents) {}

    /** Child-safety incidents first seen since {@code from}, by ISO week, category and platform (of these only). */
    public List<WeeklyCount> childSafetyByWeek(List<String> platforms, Instant from) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(CHILD_SAFETY_BY_WEEK)) {
            query.setArray(1, connection.createArrayOf("text", platforms.toArray()));
            query.setObject(2, utc(from));
            List<WeeklyCount> counts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.add(new WeeklyCount(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getLong(5)));
                }
            }
            return counts;
        }
    }

    /** When the desk last stored an incident update; empty before the first. */
    public Optional<Instant> lastStored() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT max(stored_at) FROM incident");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return Optional.ofNullable(rows.getTimestamp(1)).map(Timestamp::toInstant);
        }
    }

    /** An incident's title, marking and payload as stored: what erasure rewrites and the period report lists. */
    public record StoredText(String id, String title, String tlp, ObjectNode payload) {}

    /** The analyst-owned columns and the payload of an incident whose row is locked until the transaction ends. */
    public record Locked(
            IncidentStatus status,
            Optional<String> assignee,
            Optional<String> statusReason,
            long version,
            ObjectNode payload) {}

    /** Locks the incident's row for a triage change in the caller's transaction; empty when there is none. */
    public Optional<Locked> lock(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT status, assignee, status_reason, version, payload::text FROM incident WHERE id = ? FOR UPDATE")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                IncidentStatus status = IncidentStatus.fromLabel(rows.getString(1))
                        .orElseThrow(() -> new SQLException("unknown incident status in the database"));
                return Optional.of(new Locked(
                        status,
                        Optional.ofNullable(rows.getString(2)),
                        Optional.ofNullable(rows.getString(3)),
                        rows.getLong(4),
                        payload(id, rows.getString(5))));
            }
        }
    }

    /** Sets the analysts' status and its reason, now, in the caller's transaction. */
    public void setStatus(Connection connection, String id, IncidentStatus status, Optional<String> reason)
            throws SQLException {
        Database.update(
                connection,
                "UPDATE incident SET status = ?, status_reason = ?, status_changed_at = now() WHERE id = ?",
                status.label(),
                reason.orElse(null),
                id);
    }

    /** Sets or (empty) clears the assignee, in the caller's transaction. */
    public void setAssignee(Connection connection, String id, Optional<String> assignee) throws SQLException {
        Database.update(connection, "UPDATE incident SET assignee = ? WHERE id = ?", assignee.orElse(null), id);
    }

    /** Incidents whose payload or title match a PostgreSQL regular expression, case-insensitively. */
    public List<StoredText> mentioning(Connection connection, String postgresRegex) throws SQLException {
        return texts(connection, "payload::text ~* ? OR title ~* ?", postgresRegex, postgresRegex);
    }

    /** Incidents whose evidence holds the signal. */
    public List<StoredText> withEvidenceOf(Connection connection, String signalId) throws SQLException {
        return texts(
                connection,
                "payload -> 'evidence' -> 'signals' @> jsonb_build_array(jsonb_build_object('signal_id', ?::text))",
                signalId);
    }

    /** Early warnings (not merged into a campaign) that were open at some time in [{@code from}, {@code to}). */
    public List<StoredText> earlyWarningsOpenBetween(Instant from, Instant to) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            return texts(
                    connection,
                    "kind = 'early-warning' AND merged_into IS NULL AND first_seen < ? AND last_seen >= ?"
                            + " ORDER BY first_seen, id",
                    utc(to),
                    utc(from));
        }
    }

    /** Replaces the payload (evidence removed), in the caller's transaction. */
    public void replacePayload(Connection connection, String id, JsonNode payload) throws SQLException {
        Database.update(connection, "UPDATE incident SET payload = ?::jsonb WHERE id = ?", payload.toString(), id);
    }

    /** Replaces the payload and title (a handle scrubbed from both), in the caller's transaction. */
    public void replacePayloadAndTitle(Connection connection, String id, JsonNode payload, String title)
            throws SQLException {
        Database.update(
                connection,
                "UPDATE incident SET payload = ?::jsonb, title = ? WHERE id = ?",
                payload.toString(),
                title,
                id);
    }

    /**
     * Condition on an incident row {@code i}: it belongs to a confirmed or escalated case (its status, a confirmed
     * verdict or a brief that went out), so retention keeps it, its evidence, receipts and audit events.
     */
    public static final String KEPT = "(i.status IN ('confirmed', 'escalated')"
            + " OR EXISTS (SELECT 1 FROM verdict v WHERE v.incident_id = i.id AND v.verdict = 'confirmed')"
            + " OR EXISTS (SELECT 1 FROM brief b WHERE i.id = ANY (b.incident_ids)))";

    /** Deletes incidents not kept and last seen before the cutoff; returns how many. */
    public int deleteUnkeptSeenBefore(Connection connection, Instant cutoff) throws SQLException {
        return Database.update(
                connection, "DELETE FROM incident i WHERE i.last_seen < ? AND NOT " + KEPT, Timestamp.from(cutoff));
    }

    /** Deletes kept incidents whose last activity (seen, or status changed) is before the cutoff; returns how many. */
    public int deleteKeptIdleBefore(Connection connection, Instant cutoff) throws SQLException {
        return Database.update(
                connection,
                "DELETE FROM incident i WHERE greatest(i.last_seen, coalesce(i.status_changed_at,"
                        + " i.last_seen)) < ? AND " + KEPT,
                Timestamp.from(cutoff));
    }

    /** Empties the evidence (signals, accounts) of incidents not kept and last seen before the cutoff; returns how many. */
    public int stripEvidenceSeenBefore(Connection connection, Instant cutoff) throws SQLException {
        return Database.update(
                connection,
                "UPDATE incident i SET payload = jsonb_set(jsonb_set(payload, '{evidence,signals}', '[]'::jsonb),"
                        + " '{evidence,accounts}', '[]'::jsonb)"
                        + " WHERE i.last_seen < ? AND NOT " + KEPT
                        + " AND jsonb_typeof(payload -> 'evidence') = 'object'"
                        + " AND (coalesce(jsonb_array_length(payload -> 'evidence' -> 'signals'), 0) > 0"
                        + "   OR coalesce(jsonb_array_length(payload -> 'evidence' -> 'accounts'), 0) > 0)",
                Timestamp.from(cutoff));
    }

    private static List<StoredText> texts(Connection connection, String where, Object... parameters)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id, title, tlp, payload::text FROM incident WHERE " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<StoredText> texts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    texts.add(new StoredText(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            payload(rows.getString(1), rows.getString(4))));
                }
            }
            return texts;
        }
    }

    private static ObjectNode payload(String id, String json) throws SQLException {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored payload of incident " + id + " is not JSON", e);
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, Incident incident)
            throws SQLException {
        statement.setString(1, incident.id());
        statement.setLong(2, incident.version());
        statement.setString(3, incident.kind().label());
        statement.setString(4, incident.tier().label());
        statement.setInt(5, incident.severity());
        statement.setString(6, incident.tlp().label());
        statement.setString(7, incident.title());
        statement.setObject(8, utc(incident.firstSeen()));
        statement.setObject(9, utc(incident.lastSeen()));
        statement.setObject(10, utc(incident.updatedAt()));
        statement.setInt(11, incident.signalCount());
        statement.setInt(12, incident.accountCount());
        statement.setArray(13, textArray(connection, incident.sources()));
        statement.setArray(14, textArray(connection, incident.platforms()));
        statement.setArray(15, textArray(connection, incident.categories()));
        statement.setArray(16, textArray(connection, incident.languages()));
        statement.setString(17, new String(IncidentCodec.toJsonBytes(incident), StandardCharsets.UTF_8));
        statement.setString(18, incident.mergedInto());
    }

    /** The incident in the current row of a query that selected {@link #COLUMNS} first. */
    public static QueuedIncident read(ResultSet rows) throws SQLException {
        return new QueuedIncident(
                rows.getString(1),
                rows.getLong(2),
                IncidentStatus.fromLabel(rows.getString(3))
                        .orElseThrow(() -> new SQLException("unknown incident status in the database")),
                Optional.ofNullable(rows.getString(4)),
                rows.getTimestamp(5).toInstant(),
                Optional.ofNullable(rows.getTimestamp(6)).map(Timestamp::toInstant),
                payload(rows.getString(1), rows.getString(7)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static java.sql.Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", (values == null ? List.<String>of() : values).toArray());
    }

    /** A WHERE clause and its parameters, always including what the reader may see. */
    private static final class Filter {
        private final List<String> conditions = new ArrayList<>();
        private final List<String> parameters = new ArrayList<>();
        private final Optional<String> requiredSource;

        Filter(Visibility visibility) {
            this.requiredSource = visibility.requiredSource();
        }

        void add(String condition, String parameter) {
            conditions.add(condition);
            parameters.add(parameter);
        }

        String where() {
            List<String> all = new ArrayList<>(conditions);
            requiredSource.ifPresent(source -> all.add("sources @> ?"));
            return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
        }

        /** Binds the parameters from this index on; returns the next free index. */
        int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (String parameter : parameters) {
                statement.setString(index++, parameter);
            }
            if (requiredSource.isPresent()) {
                statement.setArray(index++, connection.createArrayOf("text", new Object[] {requiredSource.get()}));
            }
            return index;
        }
    }
}

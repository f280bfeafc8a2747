package org.varsel.desk.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
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

/** The incident queue: keeps the highest version of each incident next to the analysts' status and assignee. */
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
        PreparedStatement statement = connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM incident" + filter.where())) {
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
          counts.add(new WeeklyCount(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
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
    String payload = rows.getString(7);
    try {
      return new QueuedIncident(
          rows.getString(1),
          rows.getLong(2),
          IncidentStatus.fromLabel(rows.getString(3))
              .orElseThrow(() -> new SQLException("unknown incident status in the database")),
          Optional.ofNullable(rows.getString(4)),
          rows.getTimestamp(5).toInstant(),
          Optional.ofNullable(rows.getTimestamp(6)).map(Timestamp::toInstant),
          (ObjectNode) Json.mapper().readTree(payload));
    } catch (JsonProcessingException e) {
      throw new SQLException("stored payload of incident " + rows.getString(1) + " is not JSON", e);
    }
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

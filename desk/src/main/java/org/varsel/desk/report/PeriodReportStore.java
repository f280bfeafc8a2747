package org.varsel.desk.report;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.report.TransparencyReport;
import org.varsel.desk.brief.store.BriefStore;
import org.varsel.desk.brief.store.BriefStore.NoticedUrl;
import org.varsel.desk.db.Database;

/** Reads a {@link PeriodReport} from the desk's incidents and the briefs sent to platforms. */
public final class PeriodReportStore {
  /** Classifier labels that say "no harm found": never a category of a trend or a notice. */
  static final Set<String> NOT_HARMS = Set.of("neutral");
  private static final int TOP = 10;
  private static final String TOP_INCIDENTS = """
      SELECT id, coalesce(title, ''), kind, tier, tlp, severity, signal_count, account_count, categories, platforms, first_seen
      FROM incident WHERE first_seen >= ? AND first_seen < ? AND merged_into IS NULL
      ORDER BY tier_rank, severity DESC, signal_count DESC, id LIMIT ?
      """;
  private static final String NOTICED_INCIDENTS = "SELECT id, categories, payload::text FROM incident WHERE id = ANY(?)";

  private final Database database;
  private final BriefStore briefs;

  public PeriodReportStore(Database database) {
    this.database = database;
    this.briefs = new BriefStore(database);
  }

  public PeriodReport report(Period period) throws SQLException {
    List<Trend> trends = new ArrayList<>();
    for (Dimension dimension : Dimension.values()) {
      trends.addAll(trends(period, dimension));
    }
    return new PeriodReport(period, trends, top(period), notices(period));
  }

  private List<Trend> trends(Period period, Dimension dimension) throws SQLException {
    String sql = "SELECT d.value, date_trunc('" + period.bucket() + "', i.first_seen AT TIME ZONE 'UTC')::date, "
        + "count(DISTINCT i.id) FROM incident i CROSS JOIN LATERAL " + dimension.valuesSql() + " AS d(value) "
        + "WHERE i.first_seen >= ? AND i.first_seen < ? AND i.merged_into IS NULL AND NOT (d.value = ANY(?)) "
        // an incident merged into a campaign is counted once, as the campaign
        + "GROUP BY 1, 2";
    Map<String, Map<LocalDate, Long>> byValue = new TreeMap<>();
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, period.from().atOffset(ZoneOffset.UTC));
      query.setObject(2, period.to().atOffset(ZoneOffset.UTC));
      query.setArray(3, connection.createArrayOf("text", NOT_HARMS.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          byValue.computeIfAbsent(rows.getString(1), v -> new HashMap<>())
              .put(rows.getObject(2, LocalDate.class), rows.getLong(3));
        }
      }
    }
    List<Trend> trends = new ArrayList<>();
    byValue.forEach((value, counts) -> trends.add(new Trend(dimension, value, period.bucketStarts().stream()
        .map(start -> new Trend.Count(start, counts.getOrDefault(start, 0L))).toList())));
    return trends;
  }

  private List<TopIncident> top(Period period) throws SQLException {
    List<TopIncident> top = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement(TOP_INCIDENTS)) {
      query.setObject(1, period.from().atOffset(ZoneOffset.UTC));
      query.setObject(2, period.to().atOffset(ZoneOffset.UTC));
      query.setInt(3, TOP);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          top.add(new TopIncident(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
              Tlp.fromLabel(rows.getString(5)).orElse(Tlp.RED), rows.getInt(6), rows.getInt(7), rows.getInt(8), strings(rows.getArray(9)),
              strings(rows.getArray(10)), rows.getObject(11, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return top;
  }

  /**
   * The transparency figures of the period. A brief's categories are those of every incident it covers, so a URL is
   * counted under the categories of the incidents whose evidence holds it (a disinformation URL sent together with
   * an incitement incident is disinformation), never under a "no harm" label.
   */
  private TransparencyReport notices(Period period) throws SQLException {
    List<NoticedUrl> noticed = briefs.noticedUrls(period.from(), period.to());
    Map<String, Incident> incidents = incidents(noticed.stream().flatMap(n -> n.incidentIds().stream()).distinct().toList());
    List<NoticedUrl> recategorised = new ArrayList<>();
    for (NoticedUrl n : noticed) {
      Set<String> categories = new LinkedHashSet<>();
      for (String id : n.incidentIds()) {
        Incident incident = incidents.get(id);
        if (incident != null && incident.payload().contains(n.url())) {
          categories.addAll(incident.categories());
        }
      }
      if (categories.isEmpty()) {
        categories.addAll(n.categories());
      }
      categories.removeAll(NOT_HARMS);
      recategorised.add(new NoticedUrl(n.briefId(), n.platform(), n.incidentIds(), n.track(), List.copyOf(categories),
          n.sentAt(), n.url(), n.latest(), n.decidedAt()));
    }
    return TransparencyReport.of(period.from(), period.to(), recategorised);
  }

  private record Incident(List<String> categories, String payload) {}

  private Map<String, Incident> incidents(List<String> ids) throws SQLException {
    Map<String, Incident> incidents = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return incidents;
    }
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement(NOTICED_INCIDENTS)) {
      query.setArray(1, connection.createArrayOf("text", ids.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          incidents.put(rows.getString(1), new Incident(strings(rows.getArray(2)), rows.getString(3)));
        }
      }
    }
    return incidents;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}

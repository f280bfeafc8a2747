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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.varsel.contract.CategoryNames;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.report.TransparencyReport;
import org.varsel.desk.brief.store.BriefStore;
import org.varsel.desk.cases.CaseStore;
import org.varsel.desk.db.Database;

/** Reads a {@link PeriodReport} from the desk's incidents, the briefs sent to platforms and the cases opened with them. */
public final class PeriodReportStore {
    private static final int TOP = 10;
    private static final String TOP_INCIDENTS = """
      SELECT id, coalesce(title, ''), kind, tier, tlp, severity, signal_count, account_count, categories, platforms, first_seen
      FROM incident WHERE first_seen >= ? AND first_seen < ? AND merged_into IS NULL AND (? OR kind = 'campaign')
      ORDER BY tier_rank, severity DESC, signal_count DESC, id LIMIT ?
      """;

    private final Database database;
    private final BriefStore briefs;
    private final CaseStore cases;

    public PeriodReportStore(Database database) {
        this.database = database;
        this.briefs = new BriefStore(database);
        this.cases = new CaseStore(database);
    }

    public PeriodReport report(Period period) throws SQLException {
        List<Trend> trends = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            trends.addAll(trends(period, dimension));
        }
        return new PeriodReport(
                period,
                trends,
                top(period, false),
                top(period, true),
                TransparencyReport.of(period.from(), period.to(), briefs.noticedUrls(period.from(), period.to())),
                cases.openedIn(period.from(), period.to()));
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
            query.setArray(3, connection.createArrayOf("text", CategoryNames.NOT_HARMS.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byValue.computeIfAbsent(rows.getString(1), v -> new HashMap<>())
                            .put(rows.getObject(2, LocalDate.class), rows.getLong(3));
                }
            }
        }
        List<Trend> trends = new ArrayList<>();
        byValue.forEach((value, counts) -> trends.add(new Trend(
                dimension,
                value,
                period.bucketStarts().stream()
                        .map(start -> new Trend.Count(start, counts.getOrDefault(start, 0L)))
                        .toList())));
        return trends;
    }

    /** The most urgent incidents first seen in the period, or only the campaigns. */
    private List<TopIncident> top(Period period, boolean campaignsOnly) throws SQLException {
        List<TopIncident> top = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(TOP_INCIDENTS)) {
            query.setObject(1, period.from().atOffset(ZoneOffset.UTC));
            query.setObject(2, period.to().atOffset(ZoneOffset.UTC));
            query.setBoolean(3, !campaignsOnly);
            query.setInt(4, TOP);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    top.add(new TopIncident(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            Tlp.fromLabel(rows.getString(5)).orElse(Tlp.RED),
                            rows.getInt(6),
                            rows.getInt(7),
                            rows.getInt(8),
                            strings(rows.getArray(9)),
                            strings(rows.getArray(10)),
                            rows.getObject(11, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return top;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}

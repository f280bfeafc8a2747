package org.varsel.desk.incident;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
import org.varsel.desk.db.Database;

/**
 * What the period report reads of the {@code incident} table: incidents first seen per time bucket by a dimension's
 * values, and the most urgent incidents of a period. An incident merged into a campaign is counted once, as the
 * campaign.
 */
public final class IncidentReportQueries {
    private static final String TOP_INCIDENTS = """
      SELECT id, coalesce(title, ''), kind, tier, tlp, severity, signal_count, account_count, categories, platforms, first_seen
      FROM incident WHERE first_seen >= ? AND first_seen < ? AND merged_into IS NULL AND (? OR kind = 'campaign')
      ORDER BY tier_rank, severity DESC, signal_count DESC, id LIMIT ?
      """;

    private final Database database;

    public IncidentReportQueries(Database database) {
        this.database = database;
    }

    /**
     * How many incidents first seen in [{@code from}, {@code to}) carry each value of the dimension, per bucket
     * ({@code day} or {@code week}, by its first day); values that name no harm ({@link CategoryNames#NOT_HARMS}) are
     * left out.
     */
    public Map<String, Map<LocalDate, Long>> firstSeenCounts(
            Dimension dimension, String bucket, Instant from, Instant to) throws SQLException {
        String sql = "SELECT d.value, date_trunc(?, i.first_seen AT TIME ZONE 'UTC')::date, "
                + "count(DISTINCT i.id) FROM incident i CROSS JOIN LATERAL " + dimension.valuesSql() + " AS d(value) "
                + "WHERE i.first_seen >= ? AND i.first_seen < ? AND i.merged_into IS NULL AND NOT (d.value = ANY(?)) "
                + "GROUP BY 1, 2";
        Map<String, Map<LocalDate, Long>> byValue = new TreeMap<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, bucket);
            query.setObject(2, from.atOffset(ZoneOffset.UTC));
            query.setObject(3, to.atOffset(ZoneOffset.UTC));
            query.setArray(4, connection.createArrayOf("text", CategoryNames.NOT_HARMS.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byValue.computeIfAbsent(rows.getString(1), v -> new HashMap<>())
                            .put(rows.getObject(2, LocalDate.class), rows.getLong(3));
                }
            }
        }
        return byValue;
    }

    /** The most urgent incidents first seen in [{@code from}, {@code to}), or only the campaigns. */
    public List<TopIncident> mostUrgent(Instant from, Instant to, boolean campaignsOnly, int limit)
            throws SQLException {
        List<TopIncident> top = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(TOP_INCIDENTS)) {
            query.setObject(1, from.atOffset(ZoneOffset.UTC));
            query.setObject(2, to.atOffset(ZoneOffset.UTC));
            query.setBoolean(3, !campaignsOnly);
            query.setInt(4, limit);
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

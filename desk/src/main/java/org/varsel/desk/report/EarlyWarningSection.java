package org.varsel.desk.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.varsel.contract.Json;
import org.varsel.contract.Tlp;
import org.varsel.desk.db.Database;
import org.varsel.desk.web.EarlyWarningChart;

/**
 * The period report's early warnings: every early-warning incident whose rise overlaps the period, with the chart of its
 * trend against the baseline (the same chart as on its incident page). Its titles raise the report's marking.
 */
public record EarlyWarningSection(List<Warning> warnings) {
  private static final String EARLY_WARNINGS = """
      SELECT id, coalesce(title, ''), tlp, payload::text FROM incident
      WHERE kind = 'early-warning' AND merged_into IS NULL AND first_seen < ? AND last_seen >= ?
      ORDER BY first_seen, id
      """;

  public EarlyWarningSection {
    warnings = List.copyOf(warnings);
  }

  /** One early warning: its incident, and its trend as a chart. */
  public record Warning(String id, String title, Tlp tlp, EarlyWarningChart chart) {}

  public static EarlyWarningSection read(Database database, Period period) throws SQLException {
    List<Warning> warnings = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement(EARLY_WARNINGS)) {
      query.setObject(1, period.to().atOffset(ZoneOffset.UTC));
      query.setObject(2, period.from().atOffset(ZoneOffset.UTC));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          warnings.add(new Warning(rows.getString(1), rows.getString(2), Tlp.fromLabel(rows.getString(3)).orElse(Tlp.RED),
              EarlyWarningChart.of(trend(rows.getString(1), rows.getString(4)))));
        }
      }
    }
    return new EarlyWarningSection(warnings);
  }

  private static JsonNode trend(String id, String payload) throws SQLException {
    try {
      return Json.mapper().readTree(payload).path("trend");
    } catch (IOException e) {
      throw new SQLException("stored payload of incident " + id + " is not JSON", e);
    }
  }

  /** Green when empty; otherwise the most restrictive marking of the warnings listed. */
  public Tlp marking() {
    return warnings.stream().map(Warning::tlp).reduce(Tlp.GREEN, Tlp::mostRestrictive);
  }
}

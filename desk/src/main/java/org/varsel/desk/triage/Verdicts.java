package org.varsel.desk.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.varsel.contract.Json;
import org.varsel.contract.Tlp;
import org.varsel.desk.db.Database;

/** What the analysts' verdicts say about detection: each rule's precision, and labelled text for the classifier. */
public final class Verdicts {
  /** The label a dismissed incident's signals get in the training export. */
  public static final String NEUTRAL = "neutral";
  /** Markings whose text may leave the desk as training data: RED and AMBER+STRICT never do. */
  private static final Set<Tlp> EXPORTABLE = EnumSet.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);

  // The latest verdict per incident counts: a reopened and re-decided incident is not counted twice.
  private static final String LATEST = """
      SELECT DISTINCT ON (incident_id) incident_id, verdict, rule_ids, categories
      FROM verdict ORDER BY incident_id, decided_at DESC, id DESC
      """;

  private final Database database;

  public Verdicts(Database database) {
    this.database = database;
  }

  /** How often a rule's incidents were confirmed: precision = confirmed / (confirmed + dismissed). */
  public record RulePrecision(String ruleId, long confirmed, long dismissed) {
    public OptionalDouble precision() {
      long decided = confirmed + dismissed;
      return decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) confirmed / decided);
    }

    /** For display: a percentage with no decimals, or a dash. */
    public String precisionText() {
      OptionalDouble precision = precision();
      return precision.isPresent() ? Math.round(precision.getAsDouble() * 100) + " %" : "–";
    }

    public ObjectNode toJson() {
      ObjectNode json = Json.mapper().createObjectNode();
      json.put("rule_id", ruleId);
      json.put("confirmed", confirmed);
      json.put("dismissed", dismissed);
      OptionalDouble precision = precision();
      if (precision.isPresent()) {
        json.put("precision", precision.getAsDouble());
      } else {
        json.putNull("precision");
      }
      return json;
    }
  }

  /** Every rule that matched in a decided incident, least precise first (the ones to fix). */
  public List<RulePrecision> rulePrecision() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement("""
            SELECT rule_id, count(*) FILTER (WHERE verdict = 'confirmed'), count(*) FILTER (WHERE verdict = 'dismissed')
            FROM (%s) latest, unnest(latest.rule_ids) AS rule_id
            GROUP BY rule_id
            ORDER BY count(*) FILTER (WHERE verdict = 'confirmed')::float / count(*), rule_id
            """.formatted(LATEST));
        ResultSet rows = select.executeQuery()) {
      List<RulePrecision> rules = new ArrayList<>();
      while (rows.next()) {
        rules.add(new RulePrecision(rows.getString(1), rows.getLong(2), rows.getLong(3)));
      }
      return rules;
    }
  }

  /**
   * Writes labelled evidence signals as JSONL {@code {"text", "label", "tlp"}}: a confirmed incident's signals carry
   * their own category (or the incident's first), a dismissed incident's signals are {@value #NEUTRAL}. Signals marked
   * TLP:RED or TLP:AMBER+STRICT are left out; every line carries its signal's marking. Returns the count.
   */
  public long writeTrainingData(Writer out) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT latest.verdict, i.payload::text FROM (" + LATEST + ") latest JOIN incident i ON i.id = "
              + "latest.incident_id ORDER BY latest.incident_id")) {
        select.setFetchSize(200);
        long written = 0;
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            written += writeSignals(rows.getString(1), Json.mapper().readTree(rows.getString(2)), out);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return written;
      } finally {
        connection.rollback();
      }
    }
  }

  private static long writeSignals(String verdict, JsonNode incident, Writer out) throws IOException {
    Optional<String> incidentCategory = incident.path("categories").isArray() && incident.path("categories").size() > 0
        ? Optional.of(incident.path("categories").get(0).asText()) : Optional.empty();
    long written = 0;
    for (JsonNode signal : incident.path("evidence").path("signals")) {
      String text = signal.path("text").asText("");
      // an unknown marking counts as RED: the export fails closed
      Tlp tlp = Tlp.fromLabel(signal.path("tlp").asText()).orElse(Tlp.RED);
      if (text.isBlank() || !EXPORTABLE.contains(tlp)) {
        continue;
      }
      String label = "dismissed".equals(verdict) ? NEUTRAL
          : Optional.ofNullable(signal.path("category").textValue()).or(() -> incidentCategory).orElse("flagged");
      ObjectNode line = Json.mapper().createObjectNode();
      line.put("text", text);
      line.put("label", label);
      line.put("tlp", tlp.label());
      out.write(line.toString());
      out.write('\n');
      written++;
    }
    return written;
  }
}

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.varsel.contract.Json;
import org.varsel.contract.PrecisionEstimate;
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

    /**
     * A rule's precision from the desk's verdicts (the latest per incident), with its 95 % Wilson interval, and what the
     * pipeline last said of it (hits, shadow hits, a shadow proposal; {@code varsel.rules.precision}), when it has.
     */
    public record RulePrecision(String ruleId, PrecisionEstimate estimate, Optional<PipelineWord> pipeline) {
        public long confirmed() {
            return estimate.confirmed();
        }

        public long dismissed() {
            return estimate.dismissed();
        }

        public long decided() {
            return estimate.decided();
        }

        /** For display: "33 % (6-79 %)" with the interval, or a dash before the first verdict. */
        public String precisionText() {
            OptionalDouble precision = estimate.precision();
            return precision.isEmpty()
                    ? "–"
                    : "%d %% (%d–%d %%)"
                            .formatted(
                                    Math.round(precision.getAsDouble() * 100),
                                    Math.round(estimate.lower() * 100),
                                    Math.round(estimate.upper() * 100));
        }

        public String hitsText() {
            return pipeline.map(p -> Long.toString(p.hits())).orElse("–");
        }

        public String shadowHitsText() {
            return pipeline.map(p -> Long.toString(p.shadowHits())).orElse("–");
        }

        public boolean proposedForShadow() {
            return pipeline.flatMap(PipelineWord::proposal).isPresent();
        }

        public String proposalReason() {
            return pipeline.flatMap(PipelineWord::reason).orElse("");
        }

        public ObjectNode toJson() {
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("rule_id", ruleId);
            json.put("confirmed", confirmed());
            json.put("dismissed", dismissed());
            json.put("decided", decided());
            OptionalDouble precision = estimate.precision();
            if (precision.isPresent()) {
                json.put("precision", precision.getAsDouble());
            } else {
                json.putNull("precision");
            }
            json.put("precision_lower", estimate.lower());
            json.put("precision_upper", estimate.upper());
            pipeline.ifPresent(word -> {
                json.put("hits", word.hits());
                json.put("shadow_hits", word.shadowHits());
                json.put("proposal", word.proposal().orElse(null));
                json.put("reason", word.reason().orElse(null));
                json.put("pipeline_updated_at", word.updatedAt().toString());
            });
            return json;
        }
    }

    /** What the pipeline last published of a rule. */
    public record PipelineWord(
            long hits, long shadowHits, Optional<String> proposal, Optional<String> reason, Instant updatedAt) {}

    /**
     * Every rule with a verdict or a word from the pipeline: proposed for shadow mode first, then by the upper bound of
     * their precision interval (the surely imprecise before the merely unlucky), then the most decided.
     */
    public List<RulePrecision> rulePrecision() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("""
            WITH decided AS (
              SELECT rule_id, count(*) FILTER (WHERE verdict = 'confirmed') AS confirmed,
                     count(*) FILTER (WHERE verdict = 'dismissed') AS dismissed
              FROM (%s) latest, unnest(latest.rule_ids) AS rule_id
              GROUP BY rule_id)
            SELECT coalesce(d.rule_id, p.rule_id), coalesce(d.confirmed, 0), coalesce(d.dismissed, 0),
                   p.hits, p.shadow_hits, p.proposal, p.reason, p.updated_at
            FROM decided d FULL JOIN rule_precision p ON p.rule_id = d.rule_id
            """.formatted(LATEST));
                ResultSet rows = select.executeQuery()) {
            List<RulePrecision> rules = new ArrayList<>();
            while (rows.next()) {
                Optional<PipelineWord> pipeline = rows.getTimestamp(8) == null
                        ? Optional.empty()
                        : Optional.of(new PipelineWord(
                                rows.getLong(4),
                                rows.getLong(5),
                                Optional.ofNullable(rows.getString(6)),
                                Optional.ofNullable(rows.getString(7)),
                                rows.getTimestamp(8).toInstant()));
                rules.add(new RulePrecision(
                        rows.getString(1), PrecisionEstimate.of(rows.getLong(2), rows.getLong(3)), pipeline));
            }
            rules.sort(Comparator.comparing((RulePrecision r) -> !r.proposedForShadow())
                    .thenComparingDouble(r -> r.estimate().upper())
                    .thenComparing(
                            Comparator.comparingLong(RulePrecision::decided).reversed())
                    .thenComparing(RulePrecision::ruleId));
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
        Optional<String> incidentCategory = incident.path("categories").isArray()
                        && incident.path("categories").size() > 0
                ? Optional.of(incident.path("categories").get(0).asText())
                : Optional.empty();
        long written = 0;
        for (JsonNode signal : incident.path("evidence").path("signals")) {
            String text = signal.path("text").asText("");
            // an unknown marking counts as RED: the export fails closed
            Tlp tlp = Tlp.fromLabel(signal.path("tlp").asText()).orElse(Tlp.RED);
            if (text.isBlank() || !EXPORTABLE.contains(tlp)) {
                continue;
            }
            String label = "dismissed".equals(verdict)
                    ? NEUTRAL
                    : Optional.ofNullable(signal.path("category").textValue())
                            .or(() -> incidentCategory)
                            .orElse("flagged");
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

package org.varsel.desk.triage;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.ContractSchemas;
import org.varsel.contract.Json;
import org.varsel.contract.RulePrecisionUpdate;
import org.varsel.desk.db.Database;
import org.varsel.desk.kafka.ConsumerGroup;
import org.varsel.desk.kafka.TopicIntoTable;

/**
 * Reads the pipeline's per-rule precision and shadow proposals ({@code varsel.rules.precision}, rule-precision.v1) into
 * {@code rule_precision}, the newest update per rule. A record that is not rule-precision.v1 is left out with a log line
 * naming its position and the violations (the topic is the pipeline's, not an outsider's).
 */
public final class RulePrecisionConsumer extends TopicIntoTable {
    private static final Logger LOG = LoggerFactory.getLogger(RulePrecisionConsumer.class);
    private static final String UPSERT = """
      INSERT INTO rule_precision (rule_id, confirmed, dismissed, hits, shadow_hits, proposal, reason, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (rule_id) DO UPDATE SET confirmed = EXCLUDED.confirmed, dismissed = EXCLUDED.dismissed,
        hits = EXCLUDED.hits, shadow_hits = EXCLUDED.shadow_hits, proposal = EXCLUDED.proposal, reason = EXCLUDED.reason,
        updated_at = EXCLUDED.updated_at
      WHERE rule_precision.updated_at <= EXCLUDED.updated_at
      """;

    public RulePrecisionConsumer(ConsumerGroup group, String topic, Database database) {
        super("rule-precision", group, group.id(), topic, database, rows(UPSERT, RulePrecisionConsumer::bind));
    }

    static boolean bind(PreparedStatement upsert, ConsumerRecord<byte[], byte[]> record) throws SQLException {
        RulePrecisionUpdate update;
        try {
            JsonNode json = Json.mapper().readTree(record.value());
            List<String> violations = ContractSchemas.RULE_PRECISION_V1.violations(json);
            if (!violations.isEmpty()) {
                LOG.warn(
                        "rule precision: skipping {}-{}@{}, not rule-precision.v1: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        violations);
                return false;
            }
            update = Json.mapper().treeToValue(json, RulePrecisionUpdate.class);
        } catch (Exception unreadable) {
            // only the exception's class: a message may quote the record
            LOG.warn(
                    "rule precision: skipping an unreadable record at {}-{}@{} ({})",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    unreadable.getClass().getSimpleName());
            return false;
        }
        upsert.setString(1, update.ruleId());
        upsert.setLong(2, update.confirmed());
        upsert.setLong(3, update.dismissed());
        upsert.setLong(4, update.hits());
        upsert.setLong(5, update.shadowHits());
        upsert.setString(6, update.proposal());
        upsert.setString(7, update.reason());
        upsert.setObject(8, update.updatedAt().atOffset(ZoneOffset.UTC));
        return true;
    }
}

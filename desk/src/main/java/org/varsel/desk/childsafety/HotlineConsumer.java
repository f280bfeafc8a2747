package org.varsel.desk.childsafety;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Json;
import org.varsel.desk.db.Database;
import org.varsel.desk.kafka.ConsumerGroup;
import org.varsel.desk.kafka.TopicIntoTable;

/**
 * Reads {@code varsel.hotline} (CSAM-labelled signals, already stripped by intake and pipeline) into
 * {@code hotline_report}. It copies named metadata fields one by one and never reads {@code text},
 * {@code author.display_name} or any other field, so even a record that still carried content would leave none of
 * it in the database. A record that is not JSON or has no URL is skipped with a log line that names only its
 * position. Stored before offsets are committed; a redelivery is kept once (keyed by signal id).
 */
public final class HotlineConsumer extends TopicIntoTable {
    private static final Logger LOG = LoggerFactory.getLogger(HotlineConsumer.class);
    private static final String INSERT = """
      INSERT INTO hotline_report (signal_id, source, external_id, kind, url, platform, author_handle, author_id,
                                  language, tlp, confidence, observed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
      """;

    public HotlineConsumer(ConsumerGroup group, String topic, Database database) {
        super("hotline", group, group.id(), topic, database, rows(INSERT, HotlineConsumer::bind));
    }

    /** Binds the record's metadata; false (skip) when it is unreadable or lacks id, source, URL or time. */
    static boolean bind(PreparedStatement insert, ConsumerRecord<byte[], byte[]> record) throws SQLException {
        JsonNode node;
        Instant observedAt;
        try {
            node = Json.mapper().readTree(record.value());
            observedAt = OffsetDateTime.parse(node.path("observed_at").asText()).toInstant();
        } catch (Exception unreadable) {
            LOG.warn(
                    "hotline consumer: skipping an unreadable record at {}-{}@{}",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return false;
        }
        String id = text(node, "id", 256);
        String source = text(node, "source", 256);
        String url = text(node, "url", 2048);
        if (id == null || source == null || url == null || !url.matches("(?i)^https?://\\S+$")) {
            LOG.warn(
                    "hotline consumer: skipping a record without id, source or url at {}-{}@{}",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return false;
        }
        JsonNode author = node.path("author");
        insert.setString(1, id);
        insert.setString(2, source);
        insert.setString(3, text(node, "external_id", 256) == null ? "" : text(node, "external_id", 256));
        insert.setString(4, text(node, "kind", 32));
        insert.setString(5, url);
        insert.setString(6, text(node, "platform", 64));
        insert.setString(7, text(author, "handle", 256));
        insert.setString(8, text(author, "id", 256));
        insert.setString(9, text(node, "language", 32));
        insert.setString(10, text(node, "tlp", 16) == null ? "AMBER" : text(node, "tlp", 16));
        JsonNode confidence = node.path("labels").path("confidence");
        if (confidence.isInt()) {
            insert.setInt(11, confidence.asInt());
        } else {
            insert.setNull(11, Types.INTEGER);
        }
        insert.setObject(12, observedAt.atOffset(ZoneOffset.UTC));
        return true;
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        String s = value.textValue().replace('\0', '\uFFFD');
        return s.length() > max ? s.substring(0, max) : s;
    }
}

package org.varsel.desk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.varsel.contract.Json;
import org.varsel.contract.SignalIds;
import org.varsel.desk.db.Database;
import org.varsel.desk.kafka.ConsumerGroup;
import org.varsel.desk.kafka.TopicIntoTable;

/**
 * Reads the pipeline's dead letters ({@code varsel.signals.dlq}, dead-letter.v1) into {@code signal_dead_letter},
 * matched to a receipt by the id the original bytes' source and external id give. Stored before offsets are
 * committed; a redelivery is kept once (keyed by partition and offset).
 */
public final class DeadLetterConsumer extends TopicIntoTable {
    private static final String INSERT = """
      INSERT INTO signal_dead_letter (kafka_partition, kafka_offset, source, signal_id, reason, failed_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
      """;

    public DeadLetterConsumer(ConsumerGroup group, String topic, Database database) {
        super(
                "dead-letter",
                group,
                group.id() + "-dead-letters",
                topic,
                database,
                rows(INSERT, DeadLetterConsumer::bind));
    }

    /** Binds what the dead letter says; an unreadable one is kept too, with its position (always true). */
    private static boolean bind(PreparedStatement insert, ConsumerRecord<byte[], byte[]> record) throws SQLException {
        String source = null;
        String signalId = null;
        String reason = "unreadable dead letter";
        Instant failedAt = Instant.ofEpochMilli(record.timestamp());
        try {
            JsonNode letter = Json.mapper().readTree(record.value());
            source = text(letter, "source");
            reason = letter.hasNonNull("reason") ? letter.get("reason").asText() : reason;
            if (letter.hasNonNull("failed_at")) {
                failedAt =
                        OffsetDateTime.parse(letter.get("failed_at").asText()).toInstant();
            }
            signalId = signalId(source, letter);
        } catch (Exception unreadable) {
            // kept with what is known: the position, and that it could not be read
        }
        insert.setInt(1, record.partition());
        insert.setLong(2, record.offset());
        insert.setString(3, clean(source));
        insert.setString(4, signalId);
        insert.setString(5, clean(reason));
        insert.setObject(6, failedAt.atOffset(ZoneOffset.UTC));
        return true;
    }

    /** The id the original would have had: its external_id, if the bytes are a JSON object naming one. */
    private static String signalId(String source, JsonNode letter) {
        if (source == null || !letter.hasNonNull("original_base64")) {
            return null;
        }
        try {
            JsonNode original = Json.mapper()
                    .readTree(Base64.getDecoder()
                            .decode(letter.get("original_base64").asText()));
            String externalId = original == null ? null : text(original, "external_id");
            return externalId == null ? null : SignalIds.of(source, externalId);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    /** PostgreSQL text refuses NUL. */
    private static String clean(String value) {
        return value == null ? null : value.replace('\0', '\uFFFD');
    }

    /** Deletes the dead letters of these signals (an erasure), in the caller's transaction; returns how many. */
    public static int deleteOfSignals(Connection connection, Set<String> signalIds) throws SQLException {
        return Database.update(
                connection,
                "DELETE FROM signal_dead_letter WHERE signal_id = ANY (?)",
                connection.createArrayOf("text", signalIds.toArray()));
    }

    /** Deletes the dead letters stored before the cutoff, in the caller's transaction; returns how many. */
    public static int deleteStoredBefore(Connection connection, Instant cutoff) throws SQLException {
        return Database.update(
                connection, "DELETE FROM signal_dead_letter WHERE stored_at < ?", Timestamp.from(cutoff));
    }
}

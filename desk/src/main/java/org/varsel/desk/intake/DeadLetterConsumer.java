package org.varsel.desk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Json;
import org.varsel.contract.SignalIds;
import org.varsel.desk.db.Database;

/**
 * Reads the pipeline's dead letters ({@code varsel.signals.dlq}, dead-letter.v1) into {@code signal_dead_letter},
 * matched to a receipt by the id the original bytes' source and external id give. Stored before offsets are
 * committed; a redelivery is kept once (keyed by partition and offset).
 */
public final class DeadLetterConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterConsumer.class);
  private static final String INSERT = """
      INSERT INTO signal_dead_letter (kafka_partition, kafka_offset, source, signal_id, reason, failed_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
      """;

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Database database;
  private final String topic;
  private final Thread thread;
  private volatile boolean running;

  public DeadLetterConsumer(String bootstrapServers, String groupId, String topic, Database database) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-dead-letters");
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.database = database;
    this.topic = topic;
    this.thread = new Thread(this::run, "desk-dead-letter-consumer");
  }

  public void start() {
    running = true;
    thread.start();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic));
      while (running) {
        pollOnce();
      }
    } catch (WakeupException stopping) {
      // close() asked us to stop
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void pollOnce() {
    ConsumerRecords<byte[], byte[]> records;
    try {
      records = consumer.poll(Duration.ofMillis(500));
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warn("dead-letter consumer: Kafka error, polling again shortly: {}", e.toString());
      sleep(Duration.ofSeconds(1));
      return;
    }
    if (records.isEmpty()) {
      return;
    }
    try {
      database.inTransaction(connection -> {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
          for (ConsumerRecord<byte[], byte[]> record : records) {
            bind(insert, record);
            insert.addBatch();
          }
          return insert.executeBatch();
        }
      });
    } catch (SQLException | RuntimeException e) {
      LOG.warn("dead-letter consumer: cannot store dead letters ({}); reading them again shortly", e.toString());
      for (TopicPartition partition : records.partitions()) {
        consumer.seek(partition, records.records(partition).get(0).offset());
      }
      sleep(Duration.ofSeconds(2));
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
      offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
    }
    try {
      consumer.commitSync(offsets);
    } catch (KafkaException e) {
      // stored already; a redelivery is ignored by the primary key
      LOG.info("dead-letter consumer: offset commit failed: {}", e.getMessage());
    }
  }

  private static void bind(PreparedStatement insert, ConsumerRecord<byte[], byte[]> record) throws SQLException {
    String source = null;
    String signalId = null;
    String reason = "unreadable dead letter";
    Instant failedAt = Instant.ofEpochMilli(record.timestamp());
    try {
      JsonNode letter = Json.mapper().readTree(record.value());
      source = text(letter, "source");
      reason = letter.hasNonNull("reason") ? letter.get("reason").asText() : reason;
      if (letter.hasNonNull("failed_at")) {
        failedAt = OffsetDateTime.parse(letter.get("failed_at").asText()).toInstant();
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
  }

  /** The id the original would have had: its external_id, if the bytes are a JSON object naming one. */
  private static String signalId(String source, JsonNode letter) {
    if (source == null || !letter.hasNonNull("original_base64")) {
      return null;
    }
    try {
      JsonNode original = Json.mapper().readTree(Base64.getDecoder().decode(letter.get("original_base64").asText()));
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (thread.getState() == Thread.State.NEW) {
      consumer.close();
      return;
    }
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(15).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.varsel.desk.childsafety;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.varsel.desk.db.Database;

/**
 * Reads {@code varsel.hotline} (CSAM-labelled signals, already stripped by intake and pipeline) into
 * {@code hotline_report}. It copies named metadata fields one by one and never reads {@code text},
 * {@code author.display_name} or any other field, so even a record that still carried content would leave none of
 * it in the database. A record that is not JSON or has no URL is skipped with a log line that names only its
 * position. Stored before offsets are committed; a redelivery is kept once (keyed by signal id).
 */
public final class HotlineConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HotlineConsumer.class);
  private static final String INSERT = """
      INSERT INTO hotline_report (signal_id, source, external_id, kind, url, platform, author_handle, author_id,
                                  language, tlp, confidence, observed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
      """;

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Database database;
  private final String topic;
  private final Thread thread;
  private volatile boolean running;

  public HotlineConsumer(String bootstrapServers, String groupId, String topic, Database database) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.database = database;
    this.topic = topic;
    this.thread = new Thread(this::run, "desk-hotline-consumer");
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
      LOG.warn("hotline consumer: Kafka error, polling again shortly: {}", e.toString());
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
            if (bind(insert, record)) {
              insert.addBatch();
            }
          }
          return insert.executeBatch();
        }
      });
    } catch (SQLException | RuntimeException e) {
      LOG.warn("hotline consumer: cannot store hotline reports ({}); reading them again shortly", e.getClass().getSimpleName());
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
      LOG.info("hotline consumer: offset commit failed: {}", e.getMessage());
    }
  }

  /** Binds the record's metadata; false (skip) when it is unreadable or lacks id, source, URL or time. */
  static boolean bind(PreparedStatement insert, ConsumerRecord<byte[], byte[]> record) throws SQLException {
    JsonNode node;
    Instant observedAt;
    try {
      node = Json.mapper().readTree(record.value());
      observedAt = OffsetDateTime.parse(node.path("observed_at").asText()).toInstant();
    } catch (Exception unreadable) {
      LOG.warn("hotline consumer: skipping an unreadable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
      return false;
    }
    String id = text(node, "id", 256);
    String source = text(node, "source", 256);
    String url = text(node, "url", 2048);
    if (id == null || source == null || url == null || !url.matches("(?i)^https?://\\S+$")) {
      LOG.warn("hotline consumer: skipping a record without id, source or url at {}-{}@{}", record.topic(),
          record.partition(), record.offset());
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

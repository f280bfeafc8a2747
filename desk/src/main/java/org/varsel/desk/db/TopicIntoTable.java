package org.varsel.desk.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
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
import org.varsel.contract.KafkaLogin;

/**
 * Copies the committed records of one topic into one table, a row per record, on its own thread: each poll is
 * inserted in one transaction before its offsets are committed; while the database is away the poll is read again
 * after a pause. The INSERT must ignore conflicts, so a redelivered record is kept once.
 */
public final class TopicIntoTable implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicIntoTable.class);

  /** Binds one record to the INSERT; false leaves the record out (it has said why in the log). */
  @FunctionalInterface
  public interface RowBinder {
    boolean bind(PreparedStatement insert, ConsumerRecord<byte[], byte[]> record) throws SQLException;
  }

  private final String name;
  private final String topic;
  private final String insertSql;
  private final RowBinder binder;
  private final Database database;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private volatile boolean running;

  /** @param name what the logs and the thread call this consumer, e.g. "dead-letter" */
  public TopicIntoTable(String name, String bootstrapServers, KafkaLogin login, String groupId, String clientId, String topic,
      Database database, String insertSql, RowBinder binder) {
    Properties properties = login.clientProperties(bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.name = name;
    this.topic = topic;
    this.insertSql = insertSql;
    this.binder = binder;
    this.database = database;
    this.thread = new Thread(this::run, "desk-" + name + "-consumer");
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
      LOG.warn("{} consumer: Kafka error, polling again shortly: {}", name, e.toString());
      sleep(Duration.ofSeconds(1));
      return;
    }
    if (records.isEmpty()) {
      return;
    }
    try {
      database.inTransaction(connection -> {
        try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
          for (ConsumerRecord<byte[], byte[]> record : records) {
            if (binder.bind(insert, record)) {
              insert.addBatch();
            }
          }
          return insert.executeBatch();
        }
      });
    } catch (SQLException | RuntimeException e) {
      // Only the exception's class: its message may quote the values, and those may be partners' content.
      LOG.warn("{} consumer: cannot store {} ({}); reading them again shortly", name, topic, e.getClass().getSimpleName());
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
      // stored already; a redelivery is ignored by the INSERT's conflict clause
      LOG.info("{} consumer: offset commit failed: {}", name, e.getMessage());
    }
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

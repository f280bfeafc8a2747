package org.varsel.desk.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.Incident;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;

/**
 * Reads committed incident updates from {@code varsel.incidents} on its own thread. Each poll is stored in one
 * transaction before its offsets are committed, so nothing is lost and a redelivery is harmless (upserts are
 * idempotent). While the database is away the partitions are paused and rewound, and the consumer retries with
 * backoff, then catches up.
 */
public final class IncidentConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Database database;
  private final IncidentStore store;
  private final String topic;
  private final Thread thread;

  private volatile boolean running;
  private volatile Instant lastPoll;
  private volatile long lag = -1;
  private volatile boolean waitingForDatabase;

  // touched by the consumer thread only
  private Duration backoff = FIRST_BACKOFF;
  private Instant retryAt;
  private Instant outageBegan;
  private int failedAttempts;

  public IncidentConsumer(String bootstrapServers, KafkaLogin login, String groupId, String topic, Database database, IncidentStore store) {
    this.consumer = new KafkaConsumer<>(properties(bootstrapServers, login, groupId));
    this.database = database;
    this.store = store;
    this.topic = topic;
    this.thread = new Thread(this::run, "desk-incident-consumer");
  }

  /** The consumer settings: committed records only, offsets committed by hand after the store. */
  static Properties properties(String bootstrapServers, KafkaLogin login, String groupId) {
    Properties properties = login.clientProperties(bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-incidents");
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return properties;
  }

  public void start() {
    running = true;
    thread.start();
  }

  public ConsumerStatus status() {
    long currentLag = lag;
    return new ConsumerStatus(Optional.ofNullable(lastPoll),
        currentLag < 0 ? OptionalLong.empty() : OptionalLong.of(currentLag), waitingForDatabase);
  }

  /** Stops polling, leaves the group and waits for the thread; uncommitted records are read again next time. */
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
    try {
      if (retryAt != null && !Instant.now().isBefore(retryAt)) {
        retryAt = null;
        consumer.resume(consumer.paused());
      }
      ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
      lastPoll = Instant.now();
      if (!records.isEmpty()) {
        take(records);
      }
      lag = currentLag();
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // the client reconnects by itself; the pause avoids a hot loop on a persistent error
      LOG.warn("incident consumer: Kafka error, polling again shortly: {}", e.toString());
      pause(Duration.ofSeconds(1));
    } catch (RuntimeException e) {
      LOG.error("incident consumer: unexpected failure, polling again shortly", e);
      pause(Duration.ofSeconds(1));
    }
  }

  private void take(ConsumerRecords<byte[], byte[]> records) {
    List<Pending> accepted = new ArrayList<>();
    List<RejectedMessage> rejected = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      IncidentDecoder.Decoded decoded = IncidentDecoder.decode(record.value());
      if (decoded instanceof IncidentDecoder.Decoded.Accepted a) {
        accepted.add(new Pending(record, a.incident()));
      } else if (decoded instanceof IncidentDecoder.Decoded.Refused r) {
        rejected.add(rejection(record, r.reason()));
      }
    }
    try {
      database.inTransaction(connection -> storeBatch(connection, accepted, rejected));
    } catch (SQLException | RuntimeException e) {
      beginOrContinueOutage(e);
      rewind(records);
      return;
    }
    endOutage();
    commit(records);
  }

  /** Stores the batch; if the database refuses some update (not merely unavailable), stores the rest one by one. */
  private Void storeBatch(Connection connection, List<Pending> accepted, List<RejectedMessage> rejected)
      throws SQLException {
    Savepoint beforeBatch = connection.setSavepoint();
    try {
      store.upsert(connection, accepted.stream().map(Pending::incident).toList());
    } catch (SQLException e) {
      if (Database.isUnavailable(e)) {
        throw e;
      }
      connection.rollback(beforeBatch);
      rejected = new ArrayList<>(rejected);
      for (Pending pending : accepted) {
        Savepoint beforeOne = connection.setSavepoint();
        try {
          store.upsert(connection, List.of(pending.incident()));
        } catch (SQLException refused) {
          if (Database.isUnavailable(refused)) {
            throw refused;
          }
          connection.rollback(beforeOne);
          rejected.add(rejection(pending.record(), "database refused the update: " + refused.getMessage()));
        }
      }
    }
    RejectedMessages.insert(connection, rejected);
    if (!rejected.isEmpty()) {
      LOG.warn("incident consumer: {} record(s) on {} rejected (see table rejected_message)", rejected.size(), topic);
    }
    return null;
  }

  private void beginOrContinueOutage(Exception e) {
    failedAttempts++;
    if (!waitingForDatabase) {
      waitingForDatabase = true;
      outageBegan = Instant.now();
      LOG.warn("incident consumer: cannot store incidents ({}); offsets stay uncommitted, retrying with backoff "
          + "until the database is back", e.toString());
    }
    retryAt = Instant.now().plus(backoff);
    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
  }

  private void endOutage() {
    if (waitingForDatabase) {
      LOG.info("incident consumer: storing again after {} s and {} failed attempt(s)",
          Duration.between(outageBegan, Instant.now()).toSeconds(), failedAttempts);
    }
    waitingForDatabase = false;
    failedAttempts = 0;
    backoff = FIRST_BACKOFF;
  }

  /** Rewinds to the first record of the failed batch and pauses until {@code retryAt}, staying in the group. */
  private void rewind(ConsumerRecords<byte[], byte[]> records) {
    Set<TopicPartition> assigned = consumer.assignment();
    for (TopicPartition partition : records.partitions()) {
      if (assigned.contains(partition)) {
        consumer.seek(partition, records.records(partition).get(0).offset());
      }
    }
    consumer.pause(assigned);
  }

  private void commit(ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
      offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
    }
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // stored already; the next owner reads these records again and the upsert ignores them
      LOG.info("incident consumer: offset commit skipped by a rebalance: {}", e.getMessage());
    }
  }

  private long currentLag() {
    long total = 0;
    for (TopicPartition partition : consumer.assignment()) {
      OptionalLong partitionLag = consumer.currentLag(partition);
      if (partitionLag.isEmpty()) {
        return -1;
      }
      total += partitionLag.getAsLong();
    }
    return total;
  }

  private static RejectedMessage rejection(ConsumerRecord<byte[], byte[]> record, String reason) {
    return new RejectedMessage(record.topic(), record.partition(), record.offset(), reason, record.key(),
        record.value());
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Pending(ConsumerRecord<byte[], byte[]> record, Incident incident) {}
}

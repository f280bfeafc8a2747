package org.varsel.desk.kafka;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import org.varsel.desk.db.Database;

/**
 * Copies the committed records of one topic into the database on its own thread: each poll is stored in one
 * transaction before its offsets are committed, so nothing is lost and a redelivery is harmless (the writes must
 * ignore conflicts or be idempotent upserts). While the database is away the partitions are rewound and paused, and
 * the consumer retries with backoff (staying in its group), then catches up. A topic's consumer either passes its
 * writer or extends this class with {@code rows(its INSERT, its row binder)} as its writer.
 */
public class TopicIntoTable implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicIntoTable.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Stores one poll's records in the transaction it is given. */
    @FunctionalInterface
    public interface BatchWriter {
        void write(Connection connection, List<ConsumerRecord<byte[], byte[]>> records) throws SQLException;
    }

    /** Binds one record to the INSERT; false leaves the record out (it has said why in the log). */
    @FunctionalInterface
    public interface RowBinder {
        boolean bind(PreparedStatement insert, ConsumerRecord<byte[], byte[]> record) throws SQLException;
    }

    private final String name;
    private final String topic;
    private final BatchWriter writer;
    private final Database database;
    private final KafkaConsumer<byte[], byte[]> consumer;
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

    /** @param name what the logs and the thread call this consumer, e.g. "dead-letter" */
    public TopicIntoTable(
            String name, ConsumerGroup group, String clientId, String topic, Database database, BatchWriter writer) {
        this.consumer = new KafkaConsumer<>(
                properties(group, clientId), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.name = name;
        this.topic = topic;
        this.writer = writer;
        this.database = database;
        this.thread = new Thread(this::run, "desk-" + name + "-consumer");
    }

    /** One row per record: the INSERT, bound per record, in one batch (a subclass passes it as its writer). */
    protected static BatchWriter rows(String insertSql, RowBinder binder) {
        return (connection, records) -> {
            try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (binder.bind(insert, record)) {
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        };
    }

    /** The consumer settings: committed records only, offsets committed by hand after the store. */
    static Properties properties(ConsumerGroup group, String clientId) {
        Properties properties = group.login().clientProperties(group.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group.id());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return properties;
    }

    public void start() {
        running = true;
        thread.start();
    }

    public ConsumerStatus status() {
        long currentLag = lag;
        return new ConsumerStatus(
                Optional.ofNullable(lastPoll),
                currentLag < 0 ? OptionalLong.empty() : OptionalLong.of(currentLag),
                waitingForDatabase);
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
            LOG.warn("{} consumer: Kafka error, polling again shortly: {}", name, e.toString());
            pause(Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            LOG.error("{} consumer: unexpected failure, polling again shortly", name, e);
            pause(Duration.ofSeconds(1));
        }
    }

    private void take(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        try {
            database.inTransaction(connection -> {
                writer.write(connection, batch);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            beginOrContinueOutage(e);
            rewind(records);
            return;
        }
        endOutage();
        commit(records);
    }

    private void beginOrContinueOutage(Exception e) {
        failedAttempts++;
        if (!waitingForDatabase) {
            waitingForDatabase = true;
            outageBegan = Instant.now();
            // Only the exception's class: its message may quote the values, and those may be partners' content.
            LOG.warn(
                    "{} consumer: cannot store {} ({}); offsets stay uncommitted, retrying with backoff until the "
                            + "database is back",
                    name,
                    topic,
                    e.getClass().getSimpleName());
        }
        retryAt = Instant.now().plus(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    private void endOutage() {
        if (waitingForDatabase) {
            LOG.info(
                    "{} consumer: storing again after {} s and {} failed attempt(s)",
                    name,
                    Duration.between(outageBegan, Instant.now()).toSeconds(),
                    failedAttempts);
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
            offsets.put(
                    partition,
                    new OffsetAndMetadata(
                            inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // stored already; whoever reads these records again (after a rebalance) finds them kept once
            LOG.info("{} consumer: offset commit skipped: {}", name, e.getMessage());
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

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.varsel.desk.triage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Feedback;
import org.varsel.contract.Json;
import org.varsel.contract.KafkaLogin;
import org.varsel.desk.db.ClusterSingleton;
import org.varsel.desk.db.Database;
import org.varsel.desk.kafka.DurableProducer;

/**
 * Publishes recorded verdicts to {@code varsel.feedback} (feedback.v1, key = incident id) from the {@code verdict}
 * table, an outbox: a verdict is committed with its status change, then sent, then marked published. Kafka being away
 * delays feedback; it never loses it. Delivery is at least once (consumers deduplicate on {@code event_id}).
 */
public final class FeedbackPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackPublisher.class);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(2);
    private static final int BATCH = 200;

    private static final String JOB = "feedback-publisher";

    private final Database database;
    private final ClusterSingleton singleton;
    private final String topic;
    private final Producer<String, byte[]> producer;
    private final Thread thread;
    private final Object wake = new Object();
    private volatile boolean running = true;
    private boolean nudged;

    public FeedbackPublisher(Database database, String bootstrapServers, KafkaLogin login, String topic) {
        this.database = database;
        this.singleton = new ClusterSingleton(database);
        this.topic = topic;
        Properties properties = DurableProducer.properties(
                bootstrapServers, login, "varsel-desk-feedback", Duration.ofSeconds(10), Duration.ofSeconds(30));
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::run, "desk-feedback-publisher");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Asks the publisher to look for new verdicts now rather than at its next idle check. */
    public void nudge() {
        synchronized (wake) {
            nudged = true;
            wake.notifyAll();
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try {
                int sent = publishPending();
                backoff = Duration.ofMillis(500);
                if (sent == 0) {
                    waitForNudge(IDLE_WAIT);
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warn("cannot publish feedback yet (retrying in {}): {}", backoff, e.toString());
                waitForNudge(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Sends up to one batch of unpublished verdicts and marks them published; returns how many. One replica at a time,
     * so two desks never send the same batch.
     */
    int publishPending() throws Exception {
        return singleton.runIfDue(JOB, Duration.ZERO, this::publishBatch).orElse(0);
    }

    private int publishBatch() throws Exception {
        List<Pending> pending = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT id, event_id, incident_id, incident_version, "
                                + "verdict, reason, rule_ids, model_version, categories, analyst, decided_at FROM verdict "
                                + "WHERE published_at IS NULL ORDER BY id LIMIT " + BATCH)) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Feedback feedback = new Feedback(
                            Feedback.SCHEMA,
                            rows.getString(2),
                            rows.getString(3),
                            rows.getLong(4),
                            rows.getString(5),
                            rows.getString(6),
                            strings(rows.getArray(7)),
                            rows.getString(8),
                            strings(rows.getArray(9)),
                            rows.getString(10),
                            rows.getTimestamp(11).toInstant());
                    pending.add(new Pending(rows.getLong(1), feedback));
                }
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (Pending item : pending) {
            sends.add(producer.send(new ProducerRecord<>(
                    topic, item.feedback.incidentId(), Json.mapper().writeValueAsBytes(item.feedback))));
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(60, TimeUnit.SECONDS);
        }
        database.inTransaction(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE verdict SET published_at = now() WHERE id = ANY (?)")) {
                update.setArray(
                        1,
                        connection.createArrayOf(
                                "bigint", pending.stream().map(p -> p.id).toArray()));
                return update.executeUpdate();
            }
        });
        return pending.size();
    }

    private void waitForNudge(Duration timeout) {
        synchronized (wake) {
            if (!nudged && running) {
                try {
                    wake.wait(timeout.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            nudged = false;
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private record Pending(long id, Feedback feedback) {}

    @Override
    public void close() {
        running = false;
        nudge();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}

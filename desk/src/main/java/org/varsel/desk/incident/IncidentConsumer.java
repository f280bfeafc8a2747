package org.varsel.desk.incident;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Incident;
import org.varsel.desk.db.Database;
import org.varsel.desk.kafka.ConsumerGroup;
import org.varsel.desk.kafka.ConsumerStatus;
import org.varsel.desk.kafka.TopicIntoTable;

/**
 * Reads committed incident updates from {@code varsel.incidents} into the incident table (idempotent upserts, on the
 * desk's one topic loop, {@link TopicIntoTable}). A record the desk cannot take is kept in {@code rejected_message}
 * with its reason and bytes; one update the database refuses does not hold back the others.
 */
public final class IncidentConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentConsumer.class);

    private final IncidentStore store;
    private final String topic;
    private final TopicIntoTable consumer;

    public IncidentConsumer(ConsumerGroup group, String topic, Database database, IncidentStore store) {
        this.store = store;
        this.topic = topic;
        this.consumer = new TopicIntoTable("incident", group, group.id() + "-incidents", topic, database, this::store);
    }

    public void start() {
        consumer.start();
    }

    public ConsumerStatus status() {
        return consumer.status();
    }

    /** Stops polling, leaves the group and waits for the thread; uncommitted records are read again next time. */
    @Override
    public void close() {
        consumer.close();
    }

    private void store(Connection connection, List<ConsumerRecord<byte[], byte[]>> records) throws SQLException {
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
        storeBatch(connection, accepted, rejected);
    }

    /** Stores the batch; if the database refuses some update (not merely unavailable), stores the rest one by one. */
    private void storeBatch(Connection connection, List<Pending> accepted, List<RejectedMessage> rejected)
            throws SQLException {
        Savepoint beforeBatch = connection.setSavepoint();
        try {
            store.upsert(connection, accepted.stream().map(Pending::incident).toList());
        } catch (SQLException e) {
            if (Database.isUnavailable(e)) {
                throw e;
            }
            connection.rollback(beforeBatch);
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
            LOG.warn(
                    "incident consumer: {} record(s) on {} rejected (see table rejected_message)",
                    rejected.size(),
                    topic);
        }
    }

    private static RejectedMessage rejection(ConsumerRecord<byte[], byte[]> record, String reason) {
        return new RejectedMessage(
                record.topic(), record.partition(), record.offset(), reason, record.key(), record.value());
    }

    private record Pending(ConsumerRecord<byte[], byte[]> record, Incident incident) {}
}

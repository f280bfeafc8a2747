package org.varsel.desk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.varsel.contract.Topics;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.config.DeskSettings;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;

/** Wiring shared by the tests that run a whole desk against the real broker and PostgreSQL. */
final class DeskTestSupport {
    private DeskTestSupport() {}

    static DeskSettings config(LocalKafka kafka, PostgresDatabase database) {
        return config(kafka, database, Map.of());
    }

    /** The test desk's settings with some keys of the test's own (of any part: intake, retention, alerts, ...). */
    static DeskSettings config(LocalKafka kafka, PostgresDatabase database, Map<String, String> own) {
        kafka.createTopics(2, Topics.INCIDENTS);
        kafka.createTopics(1, Topics.FEEDBACK);
        kafka.createTopics(1, Topics.RULE_PRECISION);
        Map<String, String> settings = DeskSettings.embedded(
                database.jdbcUrl(), database.user(), database.password(), kafka.bootstrapServers());
        // every test class reads the shared topic from the start with its own group
        settings.put(DeskConfig.KAFKA_GROUP, "desk-test-" + UUID.randomUUID());
        settings.putAll(own);
        return DeskSettings.fromMap(settings);
    }

    static KafkaProducer<byte[], byte[]> producer(LocalKafka kafka, boolean transactional) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        if (transactional) {
            properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "desk-test-" + UUID.randomUUID());
        }
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties);
        if (transactional) {
            producer.initTransactions();
        }
        return producer;
    }

    static long count(PostgresDatabase database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void execute(PostgresDatabase database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}

package org.varsel.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain string producers and consumers for the tests of the local stack. */
final class KafkaClients {

    private KafkaClients() {}

    static KafkaProducer<String, String> producer(LocalKafka kafka, Map<String, Object> overrides) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        properties.putAll(overrides);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    static void send(LocalKafka kafka, String topic, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
        }
    }

    /** Reads the topic from the start until {@code expected} values arrived or the timeout passed. */
    static List<String> readFromStart(
            LocalKafka kafka, String topic, String isolation, int expected, Duration timeout) {
        return readFromStart(kafka, topic, isolation, expected, timeout, Map.of());
    }

    /** Reads as {@link #readFromStart(LocalKafka, String, String, int, Duration)} with these client settings on top. */
    static List<String> readFromStart(
            LocalKafka kafka,
            String topic,
            String isolation,
            int expected,
            Duration timeout,
            Map<String, String> overrides) {
        Properties properties = new Properties();
        properties.putAll(overrides);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}

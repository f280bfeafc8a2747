package org.varsel.desk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.varsel.contract.Json;
import org.varsel.contract.Topics;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.config.DeskSettings;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;

/** A desk against the real broker and PostgreSQL, an HTTP client for it, and a reader of the raw topic. */
final class IntakeTestSupport {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private IntakeTestSupport() {}

    static DeskSettings config(LocalKafka kafka, PostgresDatabase database) {
        return config(kafka, database, Map.of());
    }

    /** The intake test desk's settings with some keys of the test's own. */
    static DeskSettings config(LocalKafka kafka, PostgresDatabase database, Map<String, String> own) {
        kafka.createTopics(2, Topics.SIGNALS_RAW, Topics.SIGNALS_DLQ, Topics.INCIDENTS);
        Map<String, String> keys = DeskSettings.embedded(
                database.jdbcUrl(), database.user(), database.password(), kafka.bootstrapServers());
        keys.put(DeskConfig.KAFKA_GROUP, "intake-test-" + UUID.randomUUID());
        keys.putAll(own);
        return DeskSettings.fromMap(keys);
    }

    static HttpResponse<String> post(int port, String path, String token, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(int port, String path, String token, String contentType, String body)
            throws Exception {
        return post(port, path, token, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    /** A signal.v1 body with this external id, observed an hour ago. */
    static String signal(String externalId) {
        return signal(externalId, "GREEN");
    }

    static String signal(String externalId, String tlp) {
        return "{\"external_id\":\"" + externalId + "\",\"observed_at\":\""
                + java.time.Instant.now().minusSeconds(3600)
                + "\",\"text\":\"they are vermin and must be driven out\",\"url\":\"https://x.example/p/" + externalId
                + "\",\"tlp\":\"" + tlp + "\"}";
    }

    /** Every record of the raw topic whose key starts with the prefix (e.g. {@code partner:ngo-a/}). */
    static List<ConsumerRecord<byte[], byte[]>> rawRecords(LocalKafka kafka, String keyPrefix) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SIGNALS_RAW).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read the raw topic to its end");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null
                            && new String(record.key(), StandardCharsets.UTF_8).startsWith(keyPrefix)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    static void await(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}

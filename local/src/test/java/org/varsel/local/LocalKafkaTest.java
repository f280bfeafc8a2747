package org.varsel.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class LocalKafkaTest {

    @Test
    void producesAndConsumesThroughARealBroker(LocalKafka kafka) throws Exception {
        kafka.createTopics(2, "signals.plain");

        KafkaClients.send(kafka, "signals.plain", "first", "second", "third");

        assertThat(KafkaClients.readFromStart(kafka, "signals.plain", "read_uncommitted", 3, Duration.ofSeconds(30)))
                .containsExactlyInAnyOrder("first", "second", "third");
    }

    @Test
    void transactionalWritesAreInvisibleToReadCommittedUntilCommitted(LocalKafka kafka) throws Exception {
        kafka.createTopics(1, "signals.transactional");
        Map<String, Object> transactional = Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "varsel-local-test",
                // what Flink's EXACTLY_ONCE KafkaSink asks for; the broker's default cap would refuse it
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "3600000");
        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka, transactional)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("signals.transactional", "pending"))
                    .get();

            assertThat(KafkaClients.readFromStart(
                            kafka, "signals.transactional", "read_committed", 1, Duration.ofSeconds(2)))
                    .isEmpty();
            assertThat(KafkaClients.readFromStart(
                            kafka, "signals.transactional", "read_uncommitted", 1, Duration.ofSeconds(30)))
                    .containsExactly("pending");

            producer.commitTransaction();
        }
        assertThat(KafkaClients.readFromStart(
                        kafka, "signals.transactional", "read_committed", 1, Duration.ofSeconds(30)))
                .containsExactly("pending");
    }

    @Test
    void creatingATopicTwiceIsHarmless(LocalKafka kafka) throws Exception {
        kafka.createTopics(3, "signals.twice");
        kafka.createTopics(3, "signals.twice", "signals.twice.other");

        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get()).contains("signals.twice", "signals.twice.other");
            assertThat(admin.describeTopics(Set.of("signals.twice"))
                            .allTopicNames()
                            .get()
                            .get("signals.twice")
                            .partitions())
                    .hasSize(3);
        }
    }

    @Test
    void doesNotCreateTopicsThatAClientMerelyAsksFor(LocalKafka kafka) throws Exception {
        KafkaClients.readFromStart(
                kafka, "signals.typo", ConsumerConfig.DEFAULT_ISOLATION_LEVEL, 1, Duration.ofSeconds(2));

        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get()).doesNotContain("signals.typo");
        }
    }
}

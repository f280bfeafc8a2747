package org.varsel.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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
    void transactionalWritesAreInvisibleToReadCommittedAndHoldATransactionOpenUntilCommitted(LocalKafka kafka)
            throws Exception {
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
            assertThat(kafka.noTransactionOpenOn("signals.transactional")).isFalse();

            producer.commitTransaction();
        }
        assertThat(kafka.noTransactionOpenOn("signals.transactional")).isTrue();
        assertThat(KafkaClients.readFromStart(
                        kafka, "signals.transactional", "read_committed", 1, Duration.ofSeconds(30)))
                .containsExactly("pending");
    }

    @Test
    void aGroupHasReadATopicToTheEndOnceItCommittedTheEndOfEveryPartitionThatHoldsRecords(LocalKafka kafka)
            throws Exception {
        kafka.createTopics(2, "signals.progress");
        TopicPartition first = new TopicPartition("signals.progress", 0);
        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka, Map.of())) {
            for (String value : List.of("first", "second", "third")) {
                producer.send(new ProducerRecord<>("signals.progress", 0, null, value))
                        .get();
            }
            assertThat(kafka.groupReadToTheEnd("job", "signals.progress")).isFalse();

            // as a Flink source commits on a checkpoint: the partition it read records of, not the empty one
            try (Admin admin = kafka.admin()) {
                admin.alterConsumerGroupOffsets("job", Map.of(first, new OffsetAndMetadata(2)))
                        .all()
                        .get();
                assertThat(kafka.groupReadToTheEnd("job", "signals.progress")).isFalse();
                admin.alterConsumerGroupOffsets("job", Map.of(first, new OffsetAndMetadata(3)))
                        .all()
                        .get();
            }
            assertThat(kafka.groupReadToTheEnd("job", "signals.progress")).isTrue();

            producer.send(new ProducerRecord<>("signals.progress", 1, null, "fourth"))
                    .get();
            assertThat(kafka.groupReadToTheEnd("job", "signals.progress")).isFalse();
        }
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

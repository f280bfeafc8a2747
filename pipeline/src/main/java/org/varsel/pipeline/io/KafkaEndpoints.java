package org.varsel.pipeline.io;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.varsel.contract.Csam;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.RulePrecisionUpdate;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalCodec;
import org.varsel.pipeline.settings.PipelineSettings;

/** The pipeline's real Kafka source and sinks, built from settings. Both sinks write in transactions (exactly once). */
public final class KafkaEndpoints {
    private KafkaEndpoints() {}

    public static KafkaSource<RawSignal> rawSignals(PipelineSettings settings) {
        return source(
                settings,
                settings.rawTopic(),
                settings.kafkaGroup(),
                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST),
                new RawSignalDeserializer());
    }

    /** Rule packs from the start of the (compacted) rules topic, so the newest pack is applied on every start. */
    public static KafkaSource<RulePackUpdate> rulePacks(PipelineSettings settings) {
        return source(
                settings,
                settings.rulesTopic(),
                rulePacksGroup(settings),
                OffsetsInitializer.earliest(),
                new UnparsedDeserializer<>(RulePackUpdate.class, RulePackUpdate::new));
    }

    /** The rule-pack source's consumer group: its committed offsets say up to which pack the job has checkpointed. */
    public static String rulePacksGroup(PipelineSettings settings) {
        return settings.kafkaGroup() + "-rules";
    }

    /**
     * The desk's verdicts, from the committed offsets (the start on a first run; the topic keeps 90 days), read_committed;
     * in a bounded run, up to the end offsets of its start, like the signals.
     */
    public static KafkaSource<FeedbackRecord> feedback(PipelineSettings settings) {
        return source(
                settings,
                settings.feedbackTopic(),
                settings.kafkaGroup() + "-feedback",
                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST),
                new UnparsedDeserializer<>(FeedbackRecord.class, FeedbackRecord::new));
    }

    /**
     * Every source reads only committed transactions and commits its offsets on checkpoints (Flink's default, said
     * here), so the group's lag shows the job's progress; a bounded run stops at the end offsets of its start.
     */
    private static <T> KafkaSource<T> source(
            PipelineSettings settings,
            String topic,
            String group,
            OffsetsInitializer start,
            KafkaRecordDeserializationSchema<T> deserializer) {
        KafkaSourceBuilder<T> builder = KafkaSource.<T>builder()
                .setProperties(settings.kafkaClientProperties())
                .setTopics(topic)
                .setGroupId(group)
                .setStartingOffsets(start)
                .setDeserializer(deserializer)
                .setProperty("isolation.level", "read_committed")
                .setProperty("commit.offsets.on.checkpoint", "true");
        if (settings.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    public static KafkaSink<RulePrecisionUpdate> rulePrecision(PipelineSettings settings) {
        return transactional(
                settings,
                KeyedSerializer.json(settings.rulePrecisionTopic(), RulePrecisionUpdate::ruleId),
                "rule-precision");
    }

    public static KafkaSink<ShadowHit> shadowHits(PipelineSettings settings) {
        return transactional(
                settings, KeyedSerializer.json(settings.shadowHitTopic(), ShadowHit::ruleId), "shadow-hits");
    }

    public static KafkaSink<Incident> incidents(PipelineSettings settings) {
        return transactional(
                settings,
                new KeyedSerializer<>(settings.incidentTopic(), Incident::id, IncidentCodec::toJsonBytes),
                "incidents");
    }

    /**
     * CSAM-labelled signals, stripped to URL and metadata, for the hotline track (docs/child-safety.md), as signal.v1
     * JSON. The sink strips once more itself, so nothing but the stripped form can reach the topic.
     */
    public static KafkaSink<Signal> hotline(PipelineSettings settings) {
        return transactional(
                settings,
                new KeyedSerializer<>(settings.hotlineTopic(), Signal::id, KafkaEndpoints::strippedJson),
                "hotline");
    }

    public static KafkaSink<DeadLetter> deadLetters(PipelineSettings settings) {
        return transactional(
                settings,
                new KeyedSerializer<>(settings.deadLetterTopic(), DeadLetter::source, DeadLetter::toJsonBytes),
                "dlq");
    }

    private static byte[] strippedJson(Signal signal) {
        return SignalCodec.toJson(Csam.strip(signal)).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static <T> KafkaSink<T> transactional(
            PipelineSettings settings, KafkaRecordSerializationSchema<T> serializer, String name) {
        Properties producer = settings.kafkaClientProperties();
        // Flink asks for a 1 h transaction timeout by default; brokers cap it at 15 min unless told otherwise.
        producer.setProperty(
                "transaction.timeout.ms",
                Long.toString(settings.transactionTimeout().toMillis()));
        producer.setProperty("compression.type", "lz4");
        return KafkaSink.<T>builder()
                .setBootstrapServers(settings.kafkaBootstrap())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(settings.transactionalIdPrefix() + "-" + name)
                .setKafkaProducerConfig(producer)
                .build();
    }
}

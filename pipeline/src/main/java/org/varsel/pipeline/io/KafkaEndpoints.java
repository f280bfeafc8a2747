package org.varsel.pipeline.io;

import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Incident;
import org.varsel.contract.RulePrecisionUpdate;
import org.varsel.contract.Signal;
import org.varsel.pipeline.settings.PipelineSettings;

/** The pipeline's real Kafka source and sinks, built from settings. Both sinks write in transactions (exactly once). */
public final class KafkaEndpoints {
  private KafkaEndpoints() {}

  public static KafkaSource<RawSignal> rawSignals(PipelineSettings settings) {
    KafkaSourceBuilder<RawSignal> builder = KafkaSource.<RawSignal>builder()
        .setProperties(settings.kafkaClientProperties())
        .setTopics(settings.rawTopic())
        .setGroupId(settings.kafkaGroup())
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new RawSignalDeserializer())
        .setProperty("isolation.level", "read_committed")
        .setProperty("commit.offsets.on.checkpoint", "true");
    if (settings.bounded()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  /** Rule packs from the start of the (compacted) rules topic, so the newest pack is applied on every start. */
  public static KafkaSource<RulePackUpdate> rulePacks(PipelineSettings settings) {
    KafkaSourceBuilder<RulePackUpdate> builder = KafkaSource.<RulePackUpdate>builder()
        .setProperties(settings.kafkaClientProperties())
        .setTopics(settings.rulesTopic())
        .setGroupId(settings.kafkaGroup() + "-rules")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new RulePackUpdateDeserializer())
        .setProperty("isolation.level", "read_committed");
    if (settings.bounded()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  /**
   * The desk's verdicts, from the committed offsets (the start on a first run; the topic keeps 90 days), read_committed;
   * in a bounded run, up to the end offsets of its start, like the signals.
   */
  public static KafkaSource<FeedbackRecord> feedback(PipelineSettings settings) {
    KafkaSourceBuilder<FeedbackRecord> builder = KafkaSource.<FeedbackRecord>builder()
        .setProperties(settings.kafkaClientProperties())
        .setTopics(settings.feedbackTopic())
        .setGroupId(settings.kafkaGroup() + "-feedback")
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new FeedbackRecordDeserializer())
        .setProperty("isolation.level", "read_committed")
        .setProperty("commit.offsets.on.checkpoint", "true");
    if (settings.bounded()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  public static KafkaSink<RulePrecisionUpdate> rulePrecision(PipelineSettings settings) {
    return transactional(settings, new KeyedJsonSerializer<>(settings.rulePrecisionTopic(), RulePrecisionUpdate::ruleId), "rule-precision");
  }

  public static KafkaSink<ShadowHit> shadowHits(PipelineSettings settings) {
    return transactional(settings, new KeyedJsonSerializer<>(settings.shadowHitTopic(), ShadowHit::ruleId), "shadow-hits");
  }

  public static KafkaSink<Incident> incidents(PipelineSettings settings) {
    return transactional(settings, new IncidentSerializer(settings.incidentTopic()), "incidents");
  }

  /** CSAM-labelled signals, stripped to URL and metadata, for the hotline track (docs/child-safety.md). */
  public static KafkaSink<Signal> hotline(PipelineSettings settings) {
    return transactional(settings, new HotlineSerializer(settings.hotlineTopic()), "hotline");
  }

  public static KafkaSink<DeadLetter> deadLetters(PipelineSettings settings) {
    return transactional(settings, new DeadLetterSerializer(settings.deadLetterTopic()), "dlq");
  }

  private static <T> KafkaSink<T> transactional(PipelineSettings settings, KafkaRecordSerializationSchema<T> serializer, String name) {
    Properties producer = settings.kafkaClientProperties();
    // Flink asks for a 1 h transaction timeout by default; brokers cap it at 15 min unless told otherwise.
    producer.setProperty("transaction.timeout.ms", Long.toString(settings.transactionTimeout().toMillis()));
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

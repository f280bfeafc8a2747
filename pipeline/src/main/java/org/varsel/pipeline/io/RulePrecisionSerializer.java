package org.varsel.pipeline.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.varsel.contract.Json;
import org.varsel.contract.RulePrecisionUpdate;

/** Writes a rule's precision update as rule-precision.v1 JSON keyed by rule id (compacted: the latest per rule stands). */
public final class RulePrecisionSerializer implements KafkaRecordSerializationSchema<RulePrecisionUpdate> {
  private final String topic;

  public RulePrecisionSerializer(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(RulePrecisionUpdate update, KafkaSinkContext context, Long timestamp) {
    try {
      return new ProducerRecord<>(topic, update.ruleId().getBytes(StandardCharsets.UTF_8), Json.mapper().writeValueAsBytes(update));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

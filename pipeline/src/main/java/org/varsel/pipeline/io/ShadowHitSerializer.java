package org.varsel.pipeline.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.varsel.contract.Json;
import org.varsel.pipeline.analysis.ShadowHit;

/** Writes a shadow hit as JSON keyed by rule id, so one rule's hits can be read in order. */
public final class ShadowHitSerializer implements KafkaRecordSerializationSchema<ShadowHit> {
  private final String topic;

  public ShadowHitSerializer(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(ShadowHit hit, KafkaSinkContext context, Long timestamp) {
    try {
      return new ProducerRecord<>(topic, hit.ruleId().getBytes(StandardCharsets.UTF_8), Json.mapper().writeValueAsBytes(hit));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

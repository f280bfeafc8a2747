package org.varsel.pipeline.io;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.varsel.contract.Csam;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalCodec;

/**
 * Writes a CSAM-labelled signal to the hotline topic as signal.v1 JSON keyed by signal id: its URL and metadata
 * only. It strips once more itself, so nothing but the stripped form can reach the topic.
 */
public final class HotlineSerializer implements KafkaRecordSerializationSchema<Signal> {
  private final String topic;

  public HotlineSerializer(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(Signal signal, KafkaSinkContext context, Long timestamp) {
    Signal stripped = Csam.strip(signal);
    return new ProducerRecord<>(topic, stripped.id().getBytes(StandardCharsets.UTF_8),
        SignalCodec.toJson(stripped).toString().getBytes(StandardCharsets.UTF_8));
  }
}

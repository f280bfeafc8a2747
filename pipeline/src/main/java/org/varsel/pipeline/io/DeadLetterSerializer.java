package org.varsel.pipeline.io;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.varsel.contract.DeadLetter;

/** Writes a dead letter (reason + original bytes) keyed by its source, for the sender to find its own. */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
  private final String topic;

  public DeadLetterSerializer(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
    byte[] key = letter.source() == null ? null : letter.source().getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(topic, key, letter.toJsonBytes());
  }
}

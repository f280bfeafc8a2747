package org.varsel.pipeline.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.varsel.contract.Json;

/**
 * Writes a record as the contract's JSON keyed by one of its ids (shadow hits and rule precision by rule id, so that one
 * rule's records are read in order and a compacted topic keeps the latest per rule).
 */
public final class KeyedJsonSerializer<T> implements KafkaRecordSerializationSchema<T> {
  private final String topic;
  private final SerializableFunction<T, String> key;

  public KeyedJsonSerializer(String topic, SerializableFunction<T, String> key) {
    this.topic = topic;
    this.key = key;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(T value, KafkaSinkContext context, Long timestamp) {
    try {
      return new ProducerRecord<>(topic, key.apply(value).getBytes(StandardCharsets.UTF_8), Json.mapper().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

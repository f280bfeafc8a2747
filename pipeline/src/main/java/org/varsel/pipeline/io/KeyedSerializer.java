package org.varsel.pipeline.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.varsel.contract.Json;

/**
 * Writes a record to one topic as the contract's bytes, keyed by one of its ids, so that one id's records stay in order
 * on one partition and a compacted topic keeps the latest per id: incidents by incident id, shadow hits and rule
 * precision by rule id, hotline signals by signal id, dead letters by their source (for the sender to find its own).
 */
public final class KeyedSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private final String topic;
    private final SerializableFunction<T, String> key;
    private final SerializableFunction<T, byte[]> value;

    /** {@code key} may give null: the record then has no key. */
    public KeyedSerializer(String topic, SerializableFunction<T, String> key, SerializableFunction<T, byte[]> value) {
        this.topic = topic;
        this.key = key;
        this.value = value;
    }

    /** The record as Jackson writes it (the contract's records map to their schema's JSON). */
    public static <T> KeyedSerializer<T> json(String topic, SerializableFunction<T, String> key) {
        return new KeyedSerializer<>(topic, key, KeyedSerializer::jsonBytes);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T record, KafkaSinkContext context, Long timestamp) {
        String id = key.apply(record);
        return new ProducerRecord<>(
                topic, id == null ? null : id.getBytes(StandardCharsets.UTF_8), value.apply(record));
    }

    private static byte[] jsonBytes(Object record) {
        try {
            return Json.mapper().writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

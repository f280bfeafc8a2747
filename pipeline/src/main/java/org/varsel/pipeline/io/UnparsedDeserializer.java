package org.varsel.pipeline.io;

import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a topic's records as they are, their bytes (empty for a tombstone) and position; the operator that parses them
 * decides whether they are valid and dead-letters them by that position if not (verdicts, rule packs).
 */
public final class UnparsedDeserializer<T> implements KafkaRecordDeserializationSchema<T> {
    /** Makes the stream's record from the bytes and position, e.g. {@code FeedbackRecord::new}. */
    public interface Unparsed<T> extends Serializable {
        T of(byte[] json, String topic, int partition, long offset);
    }

    private final Class<T> type;
    private final Unparsed<T> unparsed;

    public UnparsedDeserializer(Class<T> type, Unparsed<T> unparsed) {
        this.type = type;
        this.unparsed = unparsed;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
        out.collect(unparsed.of(
                record.value() == null ? new byte[0] : record.value(),
                record.topic(),
                record.partition(),
                record.offset()));
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }
}

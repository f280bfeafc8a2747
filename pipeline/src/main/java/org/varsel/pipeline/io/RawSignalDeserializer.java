package org.varsel.pipeline.io;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.varsel.contract.RawSignalHeaders;

/** Reads a raw record without judging it: every record, however broken, becomes a {@link RawSignal}. */
public final class RawSignalDeserializer implements KafkaRecordDeserializationSchema<RawSignal> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawSignal> out) {
        out.collect(new RawSignal(
                record.value() == null ? new byte[0] : record.value(),
                header(record, RawSignalHeaders.SOURCE),
                receivedAt(record),
                record.topic(),
                record.partition(),
                record.offset()));
    }

    private static Instant receivedAt(ConsumerRecord<byte[], byte[]> record) {
        String stamped = header(record, RawSignalHeaders.RECEIVED_AT);
        if (stamped != null) {
            try {
                return Instant.parse(stamped);
            } catch (DateTimeParseException ignored) {
                // fall back to the broker's timestamp
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public TypeInformation<RawSignal> getProducedType() {
        return TypeInformation.of(RawSignal.class);
    }
}

package org.varsel.pipeline.io;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads verdict records as they are; {@code ParseFeedback} decides whether they are valid. */
public final class FeedbackRecordDeserializer implements KafkaRecordDeserializationSchema<FeedbackRecord> {
  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<FeedbackRecord> out) {
    out.collect(new FeedbackRecord(record.value() == null ? new byte[0] : record.value(), record.topic(), record.partition(), record.offset()));
  }

  @Override
  public TypeInformation<FeedbackRecord> getProducedType() {
    return TypeInformation.of(FeedbackRecord.class);
  }
}

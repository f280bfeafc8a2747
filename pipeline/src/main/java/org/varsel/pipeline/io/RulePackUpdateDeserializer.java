package org.varsel.pipeline.io;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads rule-pack records as they are; the operator that applies them decides whether they are valid. */
public final class RulePackUpdateDeserializer implements KafkaRecordDeserializationSchema<RulePackUpdate> {
  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RulePackUpdate> out) {
    out.collect(new RulePackUpdate(record.value() == null ? new byte[0] : record.value(), record.topic(), record.partition(), record.offset()));
  }

  @Override
  public TypeInformation<RulePackUpdate> getProducedType() {
    return TypeInformation.of(RulePackUpdate.class);
  }
}

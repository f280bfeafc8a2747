package org.varsel.pipeline.io;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;

/** Writes an incident update keyed by incident id, so all versions of one incident stay in order on one partition. */
public final class IncidentSerializer implements KafkaRecordSerializationSchema<Incident> {
  private final String topic;

  public IncidentSerializer(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(Incident incident, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(topic, incident.id().getBytes(StandardCharsets.UTF_8), IncidentCodec.toJsonBytes(incident));
  }
}

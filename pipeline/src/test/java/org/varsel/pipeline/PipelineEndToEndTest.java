package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.contract.ContractSchemas;
import org.varsel.contract.Json;
import org.varsel.contract.SignalIds;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.incident.IncidentIds;
import org.varsel.contract.IncidentKind;
import org.varsel.pipeline.io.RawSignalPublisher;

class PipelineEndToEndTest {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1)
      .setNumberSlotsPerTaskManager(2)
      .setConfiguration(noRestarts())
      .build());

  static Configuration noRestarts() {
    Configuration config = new Configuration();
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    return config;
  }

  static final Instant RECEIVED = Instant.parse("2026-11-20T12:00:00Z");
  static final String[] PARTNERS = {"partner:ngo-a", "partner:ngo-b", "partner:ngo-c"};
  static final String[] TLPS = {"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"};

  /** A malformed record, the source header it travels with, and what its dead letter's reason must say. */
  record Malformed(byte[] body, String source, String reasonSays) {}

  static String valid(int i) {
    return """
        {"external_id": "s-%d", "kind": "post", "observed_at": "2026-11-20T10:%02d:%02dZ",
         "url": "https://x.com/acct%d/status/%d", "platform": "x", "author": {"handle": "acct%d"},
         "text": "Signal number %d", "language": "en", "tlp": "%s",
         "labels": {"category": "incitement", "disarm": ["T0049"], "confidence": %d}}
        """.formatted(i, (i / 60) % 60, i % 60, i % 97, i, i % 97, i, TLPS[i % TLPS.length], 50 + i % 50);
  }

  static Malformed malformed(int kind, int i) {
    String ok = "partner:ngo-a";
    byte[] utf8;
    return switch (kind) {
      case 0 -> new Malformed(("{\"external_id\": \"bad-" + i + "\", ").getBytes(StandardCharsets.UTF_8), ok, "not JSON");
      case 1 -> new Malformed(new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}, ok, "not valid UTF-8");
      case 2 -> new Malformed(json("{\"external_id\":\"bad-%d\",\"text\":\"x\"}", i), ok, "observed_at");
      case 3 -> new Malformed(json("{\"external_id\":\"bad-%d\",\"observed_at\":\"2026-11-20T10:00:00Z\",\"text\":\"x\",\"tlp\":\"WHITE\"}", i), ok, "tlp");
      case 4 -> new Malformed(json("{\"external_id\":\"bad-%d\",\"observed_at\":\"2030-01-01T00:00:00Z\",\"text\":\"x\"}", i), ok, "in the future");
      case 5 -> new Malformed(json("{\"external_id\":\"bad-%d\",\"observed_at\":\"2026-11-20T10:00:00Z\",\"text\":\"x\"}", i), null, "no source");
      case 6 -> new Malformed(new byte[0], ok, "empty record");
      case 7 -> new Malformed(json("[{\"external_id\":\"bad-%d\"}]", i), ok, "JSON object");
      case 8 -> new Malformed(json("{\"external_id\":\"bad-%d\",\"observed_at\":\"2026-11-20T10:00:00Z\",\"text\":\"" + "y".repeat(70_000) + "\"}", i), ok, "too large");
      default -> new Malformed(json("{\"external_id\":\"bad-%d\",\"observed_at\":\"2026-11-20T10:00:00Z\"}", i), ok, "invalid signal");
    };
  }

  static byte[] json(String template, int i) {
    return template.formatted(i).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void passesEveryValidSignalOnceAndDeadLettersEveryMalformedOneWithItsReason(LocalKafka kafka) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    PipelineSettings settings = PipelineSettings.from(Map.of(
        "pipeline.kafka.bootstrap", kafka.bootstrapServers(),
        "pipeline.topics.raw", "raw-" + run,
        "pipeline.topics.dlq", "dlq-" + run,
        "pipeline.topics.incidents", "incidents-" + run,
        "pipeline.kafka.group", "pipeline-" + run,
        "pipeline.kafka.transactional-id-prefix", "tx-" + run,
        "pipeline.checkpoint.interval", "PT1S",
        "pipeline.parallelism", "2",
        "pipeline.bounded", "true"));
    kafka.createTopics(2, settings.rawTopic(), settings.deadLetterTopic(), settings.incidentTopic());

    Set<String> expectedIncidentIds = new HashSet<>();
    Map<String, Malformed> malformedByBase64 = new HashMap<>();
    try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), settings.rawTopic())) {
      int malformedSent = 0;
      for (int i = 0; i < 1000; i++) {
        if (i % 20 == 7) {
          Malformed bad = malformed(malformedSent % 10, i);
          publisher.publish("bad-" + i, bad.body(), bad.source(), RECEIVED);
          malformedByBase64.put(Base64.getEncoder().encodeToString(bad.body()), bad);
          malformedSent++;
        } else {
          String source = PARTNERS[i % PARTNERS.length];
          publisher.publish(source + "/s-" + i, valid(i).getBytes(StandardCharsets.UTF_8), source, RECEIVED);
          if (50 + i % 50 >= 80) { // confidence ≥ 80: a partner assessment of its own
            expectedIncidentIds.add(IncidentIds.of(IncidentKind.PARTNER_ASSESSMENT, SignalIds.of(source, "s-" + i)));
          }
          if (i % 50 == 0) { // a partner's retry of the same signal: must not count twice
            publisher.publish(source + "/s-" + i, valid(i).getBytes(StandardCharsets.UTF_8), source, RECEIVED);
          }
        }
      }
      assertThat(malformedSent).isEqualTo(50);
    }
    assertThat(expectedIncidentIds).hasSize(380);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    PipelineJob.wire(env, settings);
    env.execute("end-to-end test");

    List<ConsumerRecord<byte[], byte[]>> incidents = TopicContents.committed(kafka.bootstrapServers(), settings.incidentTopic());
    List<String> incidentIds = new ArrayList<>();
    Set<String> surges = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> record : incidents) {
      JsonNode incident = Json.mapper().readTree(record.value());
      assertThat(ContractSchemas.INCIDENT_V1.violations(incident)).isEmpty();
      assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(incident.get("id").asText());
      if (incident.get("kind").asText().equals("surge")) {
        surges.add(incident.get("id").asText());
      } else {
        incidentIds.add(incident.get("id").asText());
      }
    }
    assertThat(incidentIds).hasSize(380).doesNotHaveDuplicates();
    assertThat(new HashSet<>(incidentIds)).isEqualTo(expectedIncidentIds);
    // all 950 are labelled incitement by 97 accounts within 16 minutes: one surge (updated a few times)
    assertThat(surges).hasSize(1);

    List<ConsumerRecord<byte[], byte[]>> deadLetters = TopicContents.committed(kafka.bootstrapServers(), settings.deadLetterTopic());
    assertThat(deadLetters).hasSize(50);
    for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
      JsonNode letter = Json.mapper().readTree(record.value());
      assertThat(ContractSchemas.DEAD_LETTER_V1.violations(letter)).isEmpty();
      Malformed sent = malformedByBase64.get(letter.get("original_base64").asText());
      assertThat(sent).as("dead letter keeps the original bytes exactly: %s", letter.get("reason")).isNotNull();
      assertThat(letter.get("reason").asText()).contains(sent.reasonSays());
      assertThat(letter.get("topic").asText()).isEqualTo(settings.rawTopic());
    }
  }
}

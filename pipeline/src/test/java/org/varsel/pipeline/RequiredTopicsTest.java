package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;

@ExtendWith(KafkaBrokerExtension.class)
class RequiredTopicsTest {
  @Test
  void aJobWhoseShadowHitTopicIsMissingDoesNotStartAndNamesTheTopic(LocalKafka kafka) {
    PipelineSettings settings = PipelineEndToEndTest.isolatedRun(kafka, false);
    String missing = "shadow-hits-never-created-" + UUID.randomUUID().toString().substring(0, 8);
    PipelineSettings withoutShadowHits = PipelineSettings.from(Map.of(
        "pipeline.kafka.bootstrap", settings.kafkaBootstrap(),
        "pipeline.topics.raw", settings.rawTopic(),
        "pipeline.topics.dlq", settings.deadLetterTopic(),
        "pipeline.topics.incidents", settings.incidentTopic(),
        "pipeline.topics.rules", settings.rulesTopic(),
        "pipeline.topics.hotline", settings.hotlineTopic(),
        "pipeline.topics.shadow-hits", missing));

    assertThatThrownBy(() -> PipelineJob.start(StreamExecutionEnvironment.getExecutionEnvironment(), withoutShadowHits))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing Kafka topics")
        .hasMessageContaining(missing)
        .hasMessageNotContaining(settings.rawTopic());
  }
}

package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.settings.PipelineKeys;
import org.varsel.pipeline.settings.PipelineSettings;

@ExtendWith(KafkaBrokerExtension.class)
class RequiredTopicsTest {
    @Test
    void aJobWhoseShadowHitTopicIsMissingDoesNotStartAndNamesTheTopic(LocalKafka kafka) {
        PipelineSettings settings = PipelineEndToEndTest.isolatedRun(kafka, false);
        String missing =
                "shadow-hits-never-created-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineSettings withoutShadowHits = PipelineSettings.from(Map.of(
                PipelineKeys.KAFKA_BOOTSTRAP, settings.kafkaBootstrap(),
                PipelineKeys.RAW_TOPIC, settings.rawTopic(),
                PipelineKeys.DLQ_TOPIC, settings.deadLetterTopic(),
                PipelineKeys.INCIDENT_TOPIC, settings.incidentTopic(),
                PipelineKeys.RULES_TOPIC, settings.rulesTopic(),
                PipelineKeys.HOTLINE_TOPIC, settings.hotlineTopic(),
                PipelineKeys.SHADOW_HIT_TOPIC, missing));

        assertThatThrownBy(() ->
                        PipelineJob.start(StreamExecutionEnvironment.getExecutionEnvironment(), withoutShadowHits))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing Kafka topics")
                .hasMessageContaining(missing)
                .hasMessageNotContaining(settings.rawTopic());
    }
}

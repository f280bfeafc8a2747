package org.varsel.pipeline.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Topics;
import org.varsel.pipeline.correlate.CorrelationSettings;

class PipelineSettingsTest {

    @Test
    void correlationDefaultsAreTheDocumentedOnes() {
        assertThat(PipelineSettings.defaultSettings().correlation()).isEqualTo(CorrelationSettings.defaults());
    }

    @Test
    void theJobsTopicsAreTheContractsPipelineTopicsWithTheRuleTopicOnOnePartition() {
        PipelineSettings defaults = PipelineSettings.defaultSettings();
        assertThat(defaults.topics()).containsExactlyElementsOf(Topics.PIPELINE);
        assertThat(defaults.topicPartitions(4))
                .containsEntry(Topics.RULES, 1)
                .containsEntry(Topics.SHADOW_HITS, 4)
                .containsOnlyKeys(Topics.PIPELINE);
    }

    @Test
    void everyKeyIsDocumentedInConfigurationMd() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (Map.Entry<String, String> key : PipelineKeys.DEFAULTS.entrySet()) {
            String documentedDefault = key.getValue().isEmpty() ? "*(empty)*" : "`" + key.getValue() + "`";
            assertThat(doc)
                    .as("docs/configuration.md documents %s with its default", key.getKey())
                    .contains("| `" + key.getKey() + "` | " + documentedDefault + " |");
        }
    }

    @Test
    void correlationKeysComeFromTheEnvironmentAndBadValuesAreRejected() {
        PipelineSettings settings = PipelineSettings.load(
                java.util.Optional.empty(),
                Map.of("VARSEL_PIPELINE_CO_LINK_MIN_ACCOUNTS", "7", "VARSEL_PIPELINE_CO_SIMILAR_WINDOW", "PT30M"));
        assertThat(settings.correlation().coLinkMinAccounts()).isEqualTo(7);
        assertThat(settings.correlation().coSimilarWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> PipelineSettings.from(Map.of("pipeline.co-similar.jaccard", "1.5")))
                .hasMessageContaining("pipeline.co-similar.jaccard");
        assertThatThrownBy(() -> PipelineSettings.from(Map.of("pipeline.surge.factor", "lots")))
                .hasMessageContaining("pipeline.surge.factor=lots is not a number");
    }

    @Test
    void aMisspelledKeyIsRefusedNamingTheKeyItMostLikelyMeant() {
        assertThatThrownBy(() -> PipelineSettings.from(Map.of("pipeline.topics.rwa", "x")))
                .hasMessage("unknown pipeline setting: pipeline.topics.rwa (did you mean pipeline.topics.raw?)");
        assertThatThrownBy(() ->
                        PipelineSettings.load(java.util.Optional.empty(), Map.of("VARSEL_PIPELINE_BOUNDED", "yes")))
                .hasMessage("pipeline.bounded=yes must be true or false");
    }

    @Test
    void anIsolatedRunHasTopicsGroupAndTransactionalIdsOfItsOwn() {
        PipelineSettings run = PipelineSettings.from(PipelineKeys.isolatedRun("run-1"));
        assertThat(run.topics())
                .allMatch(topic -> topic.startsWith("run-1."))
                .doesNotHaveDuplicates()
                .hasSameSizeAs(Topics.PIPELINE);
        assertThat(run.kafkaGroup()).isEqualTo("run-1");
        assertThat(run.transactionalIdPrefix()).isEqualTo("run-1");
    }
}

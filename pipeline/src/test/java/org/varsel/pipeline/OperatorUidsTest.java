package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * Savepoints map state to operators by uid: the topology's uids, and the names the web UI shows, stay as they are. A new
 * operator adds its line here; a changed uid is a state migration (docs/operations.md, Upgrading).
 */
class OperatorUidsTest {
    /** As on 2026-12-05 with the default settings (the sinks' names carry the topics). */
    private static final List<String> UIDS_AND_NAMES = List.of(
            "campaign-incidents = campaign changes → campaign incidents",
            "campaigns = findings → campaigns (one incident per campaign)",
            "co-link-keys = co-link: canonical URL",
            "co-link-v2 = co-link → incidents",
            "co-similar-text-keys = co-similar text: MinHash content key",
            "co-similar-text-v2 = co-similar text → incidents",
            "dedupe = drop replays (by signal id)",
            "early-warning-keys = early warning: target group / region",
            "early-warning-p1d = early warning per P1D → incidents",
            "early-warning-p1d-incidents = early warning per P1D: incidents",
            "early-warning-p7d = early warning per P7D → incidents",
            "early-warning-p7d-incidents = early warning per P7D: incidents",
            "enrich = enrich: language, links, tags, classifier",
            "hashtag-push-keys = hashtag push: hashtag",
            "hashtag-push-v2 = hashtag push → incidents",
            "high-severity-findings = high-severity signals → findings",
            "match-rules = match rules (live pack, hot reload)",
            "parse-feedback = parse verdicts (feedback.v1)",
            "parse-signals = parse + validate",
            "pseudonymise = pseudonymise authors (non-public accounts)",
            "rule-precision = rule precision + shadow proposals",
            "rule-sightings = rule hits → sightings",
            "rule-verdicts = verdicts → one per rule",
            "shadow-rule-sightings = shadow hits → sightings",
            "single-signals = high-severity signals, partner assessments → incidents",
            "sink-dead-letters = dead letters → varsel.signals.dlq",
            "sink-hotline = csam: url + metadata → varsel.hotline",
            "sink-incidents = incidents → varsel.incidents",
            "sink-rule-precision = rule precision → varsel.rules.precision",
            "sink-shadow-hits = shadow hits → varsel.rules.shadow-hits",
            "source-feedback = verdicts",
            "source-raw-signals = raw signals",
            "source-rule-packs = rule packs",
            "suppress-dismissed = dismissed near-duplicates → suppressed_by",
            "surge-keys = surge: category / target group",
            "surge-v2 = surge → incidents");

    @Test
    void theTopologyKeepsEveryOperatorsUidAndName() {
        List<String> operators = PipelineOnCollections.topology(
                        StreamExecutionEnvironment.getExecutionEnvironment(), PipelineSettings.defaultSettings())
                .stream()
                .filter(t -> t.getUid() != null)
                .map(OperatorUidsTest::uidAndName)
                .sorted()
                .toList();

        assertThat(operators).containsExactlyElementsOf(UIDS_AND_NAMES);
    }

    private static String uidAndName(Transformation<?> t) {
        return Objects.requireNonNull(t.getUid()) + " = " + t.getName();
    }
}

package org.varsel.pipeline.functional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.rules.Rule;
import org.varsel.pipeline.rules.RuleLanguage;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.rules.RuleStatus;

class FlaggingPathTest {
    private static final String THREAT = "We will kill the migrants at the station on Saturday at eight, bring knives.";

    private static Rule rule(String id, String query, int severity, String category, RuleStatus status) {
        return new Rule(
                id,
                "Title of " + id,
                "Matched {matched}.",
                query,
                List.of(RuleLanguage.EN, RuleLanguage.DA),
                category,
                List.of(),
                severity,
                Tlp.AMBER,
                status,
                "test-desk",
                List.of("migrants"),
                null);
    }

    private static Verdict judge(String text, Rule... rules) {
        try (FlaggingPath path = FlaggingPath.of(HarmClassifier.bundled(), RulePack.of("test", List.of(rules)))) {
            return path.judge("case-1", text);
        }
    }

    @Test
    void aSevereThreatRuleFlagsTheTextAndOpensAThreatToLifeIncidentAlone() {
        Verdict verdict =
                judge(THREAT, rule("threat-rule", "kill AND migrants AND saturday", 5, "threat", RuleStatus.ACTIVE));

        assertThat(verdict.flagged()).isTrue();
        assertThat(verdict.ruleIds()).containsExactly("threat-rule");
        assertThat(verdict.language()).isEqualTo("en");
        assertThat(verdict.aloneTier()).contains(Tier.THREAT_TO_LIFE);
        assertThat(verdict.reaches(Tier.HIGH)).isTrue();
    }

    @Test
    void aRuleBelowTheSingleSignalSeverityFlagsWithoutOpeningAnIncident() {
        Verdict verdict = judge(THREAT, rule("mild-rule", "migrants AND station", 2, "derogation", RuleStatus.ACTIVE));

        assertThat(verdict.flagged()).isTrue();
        assertThat(verdict.opensIncidentAlone())
                .as("hateful %.2f", verdict.hateful())
                .isEqualTo(verdict.hateful() >= 0.9);
    }

    @Test
    void aShadowRuleNeitherFlagsNorCountsAsAHit() {
        Verdict verdict = judge(THREAT, rule("trial-rule", "kill AND migrants", 5, "threat", RuleStatus.SHADOW));

        assertThat(verdict.ruleIds()).isEmpty();
        assertThat(verdict.flagged())
                .isEqualTo("hateful".equals(verdict.category()) || "threat".equals(verdict.category()));
    }
}

package org.varsel.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.rules.MatchResult;
import org.varsel.pipeline.rules.Rule;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RuleLanguage;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.rules.RuleStatus;

class SignalMatcherTest {
    private static final Rule DANISH = new Rule(
            "da-rule",
            "Danish rule",
            "Matched {matched}.",
            "skydes",
            List.of(RuleLanguage.DA),
            "threat",
            List.of("hallmark:test"),
            5,
            Tlp.AMBER,
            RuleStatus.ACTIVE,
            "desk",
            List.of("migrants"),
            null);

    @Test
    void anUndeterminedLanguageIsMatchedAgainstTheRulesOfEveryLanguage() {
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(DANISH)))) {
            assertThat(SignalMatcher.match(engine, TextSignals.of("De skal skydes", "und"))
                            .hits())
                    .hasSize(1);
            assertThat(SignalMatcher.match(engine, TextSignals.of("De skal skydes", "en"))
                            .hits())
                    .isEmpty();
        }
    }

    @Test
    void aSignalWithoutTextMatchesNothing() {
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(DANISH)))) {
            assertThat(SignalMatcher.match(engine, TextSignals.of("  ", "da"))).isSameAs(MatchResult.NONE);
            assertThat(SignalMatcher.match(engine, TextSignals.of(null, "da"))).isSameAs(MatchResult.NONE);
        }
    }

    @Test
    void activeHitsBecomeRuleMatchesWithTheirSeverityTermsAndPackVersion() {
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(DANISH)))) {
            assertThat(TextSignals.activeMatches(engine, "De skal skydes", "da"))
                    .singleElement()
                    .satisfies(m -> {
                        assertThat(m.ruleId()).isEqualTo("da-rule");
                        assertThat(m.severity()).isEqualTo(5);
                        assertThat(m.terms()).extracting(t -> t.term()).containsExactly("skydes");
                        assertThat(m.packVersion()).isEqualTo(engine.pack().version());
                    });
        }
    }
}

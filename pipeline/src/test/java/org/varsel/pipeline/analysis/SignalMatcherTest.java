package org.varsel.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Signal;
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

    private static AnalysedSignal signal(String text, String language) {
        return AnalysedSignal.of(new Signal(
                "s-1",
                "feed:test",
                "1",
                "post",
                Instant.EPOCH,
                null,
                null,
                null,
                text,
                language,
                Tlp.CLEAR,
                null,
                null));
    }

    @Test
    void anUndeterminedLanguageIsMatchedAgainstTheRulesOfEveryLanguage() {
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(DANISH)))) {
            assertThat(SignalMatcher.match(engine, signal("De skal skydes", "und"))
                            .hits())
                    .hasSize(1);
            assertThat(SignalMatcher.match(engine, signal("De skal skydes", "en"))
                            .hits())
                    .isEmpty();
        }
    }

    @Test
    void aSignalWithoutTextMatchesNothing() {
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(DANISH)))) {
            assertThat(SignalMatcher.match(engine, signal("  ", "da"))).isSameAs(MatchResult.NONE);
            assertThat(SignalMatcher.match(engine, signal(null, "da"))).isSameAs(MatchResult.NONE);
        }
    }

    @Test
    void activeHitsBecomeRuleMatchesWithTheirSeverityTermsAndPackVersion() {
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(DANISH)))) {
            AnalysedSignal analysed = signal("De skal skydes", "da");

            AnalysedSignal matched = SignalMatcher.withActiveHits(analysed, SignalMatcher.match(engine, analysed));

            assertThat(matched.ruleMatches()).singleElement().satisfies(m -> {
                assertThat(m.ruleId()).isEqualTo("da-rule");
                assertThat(m.severity()).isEqualTo(5);
                assertThat(m.terms()).extracting(t -> t.term()).containsExactly("skydes");
                assertThat(m.packVersion()).isEqualTo(engine.pack().version());
            });
        }
    }
}

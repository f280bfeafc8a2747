package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.varsel.pipeline.rules.TestRules.active;
import static org.varsel.pipeline.rules.TestRules.pack;
import static org.varsel.pipeline.rules.TestRules.rule;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Tlp;

class RuleEngineTest {

    @Test
    void hitCarriesRuleFactsPackVersionAndRenderedExplanation() {
        RulePack pack = pack(active("kill-migrants", "kill AND migrants"));
        try (RuleEngine engine = RuleEngine.build(pack)) {
            MatchResult result = engine.match("We should kill the migrants tonight", Optional.of("en"));

            assertThat(result.hits()).singleElement().satisfies(hit -> {
                assertThat(hit.ruleId()).isEqualTo("kill-migrants");
                assertThat(hit.packVersion()).isEqualTo(pack.version()).startsWith("sha256:");
                assertThat(hit.severity()).isEqualTo(4);
                assertThat(hit.category()).isEqualTo("incitement");
                assertThat(hit.tags()).containsExactly("topic:test");
                assertThat(hit.tlp()).isEqualTo(Tlp.AMBER);
                assertThat(hit.explanation()).isEqualTo("Matched \"kill\", \"migrants\" about migrants.");
            });
            assertThat(result.shadowHits()).isEmpty();
        }
    }

    @Test
    void matchedTermOffsetsPointAtTheMatchedTextInTheOriginalSignal() {
        String text =
                "Ærlig talt: they are k.i.l.l.i.n.g the neighbours, said the post about \"exterminate them all\".";
        RulePack pack = pack(active("r1", "kill AND neighbour"), active("r2", "\"exterminate them\""));
        try (RuleEngine engine = RuleEngine.build(pack)) {
            MatchResult result = engine.match(text, Optional.of("en"));

            assertThat(result.hits()).extracting(RuleHit::ruleId).containsExactly("r1", "r2");
            for (RuleHit hit : result.hits()) {
                assertThat(hit.matchedTerms())
                        .isNotEmpty()
                        .allSatisfy(t ->
                                assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text()));
            }
            assertThat(result.hits().get(0).matchedTerms())
                    .extracting(MatchedTerm::text)
                    .containsExactly("k.i.l.l.i.n.g", "neighbours");
            assertThat(result.hits().get(1).matchedTerms())
                    .extracting(MatchedTerm::text)
                    .containsExactly("exterminate them");
        }
    }

    @Test
    void shadowRuleHitsAreReturnedSeparatelyAndDisabledRulesNotAtAll() {
        RulePack pack = pack(
                active("live", "burn AND mosque"),
                rule("trial", "burn", RuleStatus.SHADOW),
                rule("off", "mosque", RuleStatus.DISABLED));
        try (RuleEngine engine = RuleEngine.build(pack)) {
            MatchResult result = engine.match("burn the mosque down", Optional.of("en"));

            assertThat(result.hits()).extracting(RuleHit::ruleId).containsExactly("live");
            assertThat(result.shadowHits()).extracting(RuleHit::ruleId).containsExactly("trial");
        }
    }

    @Test
    void englishRulesStemSoInflectedFormsMatch() {
        try (RuleEngine engine = RuleEngine.build(pack(active("r", "invader AND destroy")))) {
            assertThat(engine.match("The invaders are destroying us", Optional.of("en"))
                            .hits())
                    .hasSize(1);
        }
    }

    @Test
    void danishRulesStemAndFoldDanishLetters() {
        Rule danish = active("da", "\"smid dem ud\" AND indvandrer", RuleLanguage.DA);
        try (RuleEngine engine = RuleEngine.build(pack(danish))) {
            assertThat(engine.match("Smid dem ud, alle indvandrerne!", Optional.of("da"))
                            .hits())
                    .hasSize(1);
            assertThat(engine.match("Vi skal ikke smide nogen ud", Optional.of("da"))
                            .hits())
                    .isEmpty();
        }
    }

    @Test
    void languageTagDecidesWhichRulesApplyAndUntaggedSignalsMeetEveryRule() {
        RulePack pack =
                pack(active("en-rule", "vermin", RuleLanguage.EN), active("any-rule", "vermin", RuleLanguage.ANY));
        try (RuleEngine engine = RuleEngine.build(pack)) {
            assertThat(engine.match("they are vermin", Optional.of("en-GB")).hits())
                    .extracting(RuleHit::ruleId)
                    .containsExactly("any-rule", "en-rule");
            assertThat(engine.match("they are vermin", Optional.of("ru")).hits())
                    .extracting(RuleHit::ruleId)
                    .containsExactly("any-rule");
            assertThat(engine.match("they are vermin").hits())
                    .extracting(RuleHit::ruleId)
                    .containsExactly("any-rule", "en-rule");
        }
    }

    @Test
    void matchingNeverThrowsOnEmptyHugeOrBinaryGarbageText() {
        RulePack pack = pack(active("r", "kill AND migrants"), active("p", "extermin* AND them"));
        Random random = new Random(42);
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            garbage.append((char) random.nextInt(0x10000));
        }
        String huge = "kill the migrants ".repeat(1024 * 1024 / 18);
        try (RuleEngine engine = RuleEngine.build(pack)) {
            assertThat(engine.match("", Optional.of("en")).isEmpty()).isTrue();
            assertThat(engine.match(null, Optional.empty()).isEmpty()).isTrue();
            assertThat(engine.match(garbage.toString()).hits()).isNotNull();
            assertThat(engine.match("\0\1\2\uFFFF\uD800 \uDC00").hits()).isEmpty();

            MatchResult big = engine.match(huge);
            assertThat(big.hits())
                    .singleElement()
                    .satisfies(h -> assertThat(h.matchedTerms()).hasSize(RuleEngine.MAX_MATCHED_TERMS));
        }
    }

    @Test
    void refusesToBuildFromAPackWithAnUncompilableRule() {
        RulePack pack = pack(active("ok", "vermin"), active("bad", "/regex.*/"));
        assertThatThrownBy(() -> RuleEngine.build(pack))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad: regular expressions");
    }

    @Test
    void negatedWordsStopAMatch() {
        try (RuleEngine engine = RuleEngine.build(pack(active("r", "vermin -pest -control")))) {
            assertThat(engine.match("they are vermin").hits()).hasSize(1);
            assertThat(engine.match("call pest control about the vermin").hits())
                    .isEmpty();
        }
    }

    @Test
    void resultsListHighestSeverityFirst() {
        Rule low = new Rule(
                "low",
                "t",
                "d",
                "vermin",
                List.of(RuleLanguage.ANY),
                "incitement",
                List.of(),
                1,
                Tlp.CLEAR,
                RuleStatus.ACTIVE,
                "o",
                List.of(),
                null);
        Rule high = new Rule(
                "high",
                "t",
                "d",
                "vermin",
                List.of(RuleLanguage.ANY),
                "incitement",
                List.of(),
                5,
                Tlp.CLEAR,
                RuleStatus.ACTIVE,
                "o",
                List.of(),
                null);
        try (RuleEngine engine = RuleEngine.build(pack(low, high))) {
            assertThat(engine.match("vermin").hits())
                    .extracting(RuleHit::ruleId)
                    .containsExactly("high", "low");
        }
    }
}

package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The nested-lexicon lint: a form that holds another form of the same reference is read as the shorter one, its other
 * words as the gap, so an ordered proximity with a smaller slack never matches it beside its neighbour.
 */
class NestedFormsTest {

    private static final Lexicon BEATS = TestRules.lexicon(
            "beats",
            RuleLanguage.EN,
            LexiconKind.VIOLENT_ACTION,
            List.of(new Lexicon.Entry("beat", List.of("beat the crap out of"), null)));
    private static final Lexicon HANGS = TestRules.lexicon(
            "hangs",
            RuleLanguage.EN,
            LexiconKind.VIOLENT_ACTION,
            List.of(new Lexicon.Entry("hang", List.of("hang them"), null)));

    @Test
    void noPhraseOfARuleInTheRepositoryLosesALongerFormOfALexiconToItsGap() {
        NestedForms lint = new NestedForms(RepositoryRules.lexicons());

        List<NestedForms.Spot> spots = lint.find(RepositoryRules.rules());

        assertThat(spots).as(spots.size() + " spots").isEmpty();
    }

    @Test
    void aLongerFormWhoseExtraWordsExceedTheSlackBeforeTheNextPartIsReportedAndIndeedNeverMatches() {
        Rule rule = TestRules.active("beat-them", "\"needs @beats them\"~1");

        assertThat(new NestedForms(List.of(BEATS)).find(List.of(rule)))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.shorter()).isEqualTo("beat");
                    assertThat(s.longer()).isEqualTo("beat the crap out of");
                });
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(rule), List.of(BEATS)))) {
            assertThat(engine.match("he needs beat them", Optional.of("en")).hits())
                    .hasSize(1);
            assertThat(engine.match("he needs beat the crap out of them", Optional.of("en"))
                            .hits())
                    .isEmpty();
        }
    }

    @Test
    void aLongerFormWhoseExtraWordsAreTheNextPartIsNotReported() {
        Rule rule = TestRules.active("hang-them", "\"now @hangs them\"~0");

        assertThat(new NestedForms(List.of(HANGS)).find(List.of(rule))).isEmpty();
    }

    @Test
    void aLongerFormWithinTheSlackIsNotReported() {
        Rule rule = TestRules.active("beat-wide", "\"needs @beats them\"~4");

        assertThat(new NestedForms(List.of(BEATS)).find(List.of(rule))).isEmpty();
    }
}

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
    private static final Lexicon DEAD = TestRules.lexicon(
            "dead",
            RuleLanguage.DA,
            LexiconKind.MODAL,
            List.of(new Lexicon.Entry("død", List.of("fucking død", "en død mand"), null)));

    @Test
    void noPhraseOfARuleInTheRepositoryLosesALongerFormOfALexiconBeforeItsTarget() {
        List<NestedForms.Spot> spots = repositorySpots(NestedForms.Side.BEFORE_TARGET);

        assertThat(spots).as(spots.size() + " spots").isEmpty();
    }

    /**
     * The other side was not read before session 22 and found 145 spots at once; session 23 mended them (docs/rules.md,
     * "nested"), so a new one fails here as on the side before a target.
     */
    @Test
    void noPhraseOfARuleInTheRepositoryLosesALongerFormOfALexiconAfterThePartBefore() {
        List<NestedForms.Spot> spots = repositorySpots(NestedForms.Side.AFTER_PART);

        assertThat(spots).as(spots.size() + " spots").isEmpty();
    }

    private static List<NestedForms.Spot> repositorySpots(NestedForms.Side side) {
        return new NestedForms(RepositoryRules.lexicons())
                .find(RepositoryRules.rules()).stream()
                        .filter(s -> s.side() == side)
                        .toList();
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

    @Test
    void aLongerFormWhoseWordsBeforeTheShorterOneExceedTheSlackAfterThePartBeforeIsReportedAndIndeedNeverMatches() {
        Rule rule = TestRules.active("dead-you", "\"du er @dead\"~0", RuleLanguage.DA);

        assertThat(new NestedForms(List.of(DEAD)).find(List.of(rule)))
                .extracting(NestedForms.Spot::longer)
                .containsExactly("en dod mand"); // as analysed: ø folded
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(rule), List.of(DEAD)))) {
            assertThat(engine.match("du er død", Optional.of("da")).hits()).hasSize(1);
            assertThat(engine.match("du er en død mand", Optional.of("da")).hits())
                    .isEmpty();
        }
    }

    /**
     * Since session 24 the engine reports a longer form that ends with a shorter one before it (LongestFormsFirst), so
     * "fucking død" is read whole after the part before and is no spot; "en død mand" goes on after "død" and still is.
     */
    @Test
    void aLongerFormThatEndsWithTheShorterOneIsNotReportedAndMatchesAfterThePartBefore() {
        Rule rule = TestRules.active("dead-you", "\"du er @dead\"~0", RuleLanguage.DA);

        assertThat(new NestedForms(List.of(DEAD)).find(List.of(rule)))
                .extracting(NestedForms.Spot::longer)
                .doesNotContain("fucking dod");
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(rule), List.of(DEAD)))) {
            assertThat(engine.match("du er fucking død", Optional.of("da")).hits())
                    .hasSize(1);
        }
    }

    @Test
    void aLongerFormThatEndsWithTheShorterOneButHoldsAnotherFormBeforeItIsReportedAndIndeedNeverMatches() {
        Lexicon twice = TestRules.lexicon(
                "dead_twice",
                RuleLanguage.DA,
                LexiconKind.MODAL,
                List.of(new Lexicon.Entry("død", List.of("helt fucking død", "fucking"), null)));
        Rule rule = TestRules.active("dead-twice", "\"du er @dead_twice\"~0", RuleLanguage.DA);

        assertThat(new NestedForms(List.of(twice)).find(List.of(rule)))
                .extracting(NestedForms.Spot::longer)
                .containsOnly("helt fucking dod");
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(rule), List.of(twice)))) {
            assertThat(engine.match("du er helt fucking død", Optional.of("da")).hits())
                    .isEmpty();
        }
    }

    @Test
    void aLongerFormWhoseWordsBeforeTheShorterOneAreWithinTheSlackIsNotReported() {
        Rule rule = TestRules.active("dead-wide", "\"du er @dead\"~1", RuleLanguage.DA);

        assertThat(new NestedForms(List.of(DEAD)).find(List.of(rule))).isEmpty();
    }

    @Test
    void aLongerFormThatAnotherFormStartsIsNotReportedAfterThePartBefore() {
        Lexicon startsAnother = TestRules.lexicon(
                "dead_or_gone",
                RuleLanguage.DA,
                LexiconKind.MODAL,
                List.of(new Lexicon.Entry("død", List.of("fucking død", "fucking"), null)));
        Rule rule = TestRules.active("dead-gone", "\"du er @dead_or_gone\"~0", RuleLanguage.DA);

        assertThat(new NestedForms(List.of(startsAnother)).find(List.of(rule))).isEmpty();
    }

    @Test
    void aLongerFormThatAnotherFormEndsIsNotReportedBeforeTheTarget() {
        Lexicon endsAnother = TestRules.lexicon(
                "beats_or_craps",
                RuleLanguage.EN,
                LexiconKind.VIOLENT_ACTION,
                List.of(new Lexicon.Entry("beat", List.of("beat the crap out of", "crap out of"), null)));
        Rule rule = TestRules.active("beat-them-again", "\"needs @beats_or_craps them\"~1");

        assertThat(new NestedForms(List.of(endsAnother)).find(List.of(rule))).isEmpty();
    }

    @Test
    void aLongerFormThatThePartBeforeEndsInsideWithinTheSlackIsNotReported() {
        Lexicon wholly = TestRules.lexicon(
                "wholly_dead",
                RuleLanguage.DA,
                LexiconKind.MODAL,
                List.of(new Lexicon.Entry("død", List.of("er helt død"), null)));
        Rule rule = TestRules.active("dead-wholly", "\"du er @wholly_dead\"~1", RuleLanguage.DA);

        assertThat(new NestedForms(List.of(wholly)).find(List.of(rule))).isEmpty();
    }
}

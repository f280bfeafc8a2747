package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Tlp;

/**
 * A term written {@code =word} matches the word as written (not stemmed; case, accents, æ/ae/aa and stretched letters
 * folded as everywhere, a doubled letter kept), in a term, an exclusion, a proximity and a lexicon form.
 */
class AsWrittenTermTest {

    private static final Lexicon PASSIVE_DA = TestRules.lexicon(
            "killing_passive",
            RuleLanguage.DA,
            LexiconKind.VIOLENT_ACTION,
            List.of(new Lexicon.Entry("=hænges", List.of("=skydes ned"), null)));
    private static final Lexicon PERSON_DA = TestRules.lexicon(
            "harm_person",
            RuleLanguage.DA,
            LexiconKind.TARGET_GROUP,
            List.of(new Lexicon.Entry("han", List.of("hun", "de"), null)));

    private static final Lexicon REPORTED_EN = TestRules.lexicon(
            "counter_speech",
            RuleLanguage.EN,
            LexiconKind.COUNTER_SPEECH,
            List.of(new Lexicon.Entry("says he will", List.of(), null)));

    private static Rule rule(String query, RuleLanguage language) {
        return new Rule(
                "as-written",
                "As written",
                "Matched {matched}.",
                query,
                List.of(language),
                "incitement",
                List.of("topic:test"),
                4,
                Tlp.AMBER,
                RuleStatus.ACTIVE,
                "test-desk",
                List.of(),
                null);
    }

    private static boolean matches(String query, RuleLanguage language, String text) {
        return !hits(query, language, text).isEmpty();
    }

    private static List<RuleHit> hits(String query, RuleLanguage language, String text) {
        RulePack pack =
                RulePack.of("test", List.of(rule(query, language)), List.of(PASSIVE_DA, PERSON_DA, REPORTED_EN));
        try (RuleEngine engine = RuleEngine.build(pack)) {
            return engine.match(text, Optional.of(language.code())).hits();
        }
    }

    @Test
    void aStackedAsWrittenTermDoesNotSplitALexiconPhraseTheTextHolds() {
        // "says" gets "=says" stacked once a rule writes it; the counter-speech entry "says he will" must still be
        // found
        List<RuleHit> hits = hits("kill -(=says AND jokes)", RuleLanguage.EN, "The mayor says he will kill them all");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).reportedSpeech()).isTrue();
    }

    @Test
    void aPassiveWrittenAsWrittenIsNotTheInfinitiveItStemsTo() {
        String query = "\"skal =hænges\"~2";
        assertThat(matches(query, RuleLanguage.DA, "han skal bare hænges")).isTrue();
        assertThat(matches(query, RuleLanguage.DA, "han skal haenges"))
                .as("no æ on the keyboard")
                .isTrue();
        assertThat(matches(query, RuleLanguage.DA, "Han skal HÆNGES!")).isTrue();
        assertThat(matches(query, RuleLanguage.DA, "vi skal hænge ud i weekenden"))
                .as("'hænge' stems as 'hænges' does")
                .isFalse();
        assertThat(matches(query, RuleLanguage.DA, "billederne skal hænge på væggen"))
                .isFalse();
    }

    @Test
    void anExclusionWrittenAsWrittenExcludesThatFormOnly() {
        String query = "deserve die -=says";
        assertThat(matches(query, RuleLanguage.EN, "he says they deserve to die"))
                .isFalse();
        assertThat(matches(query, RuleLanguage.EN, "I say they deserve to die"))
                .as("'say' stems as 'says' does")
                .isTrue();
    }

    @Test
    void aLoneTermWrittenAsWrittenAndALexiconFormCarryIt() {
        assertThat(matches("=henrettes AND skal", RuleLanguage.DA, "de skal henrettes"))
                .isTrue();
        assertThat(matches("=henrettes AND skal", RuleLanguage.DA, "de skal henrette ham"))
                .isFalse();
        String lexicon = "\"@harm_person skal @killing_passive\"~2";
        assertThat(matches(lexicon, RuleLanguage.DA, "han skal hænges")).isTrue();
        assertThat(matches(lexicon, RuleLanguage.DA, "de skal skydes ned")).isTrue();
        assertThat(matches(lexicon, RuleLanguage.DA, "hun skal hænge ud med os"))
                .isFalse();
        assertThat(matches(lexicon, RuleLanguage.DA, "de skal skyde ned")).isFalse();
    }

    @Test
    void aDoubledLetterWrittenAsWrittenIsNotTheSingleLetterOfAnotherWord() {
        assertThat(matches("\"at the =polls\"~0", RuleLanguage.EN, "we beat him at the polls"))
                .isTrue();
        assertThat(matches("\"at the =polls\"~0", RuleLanguage.EN, "someone stabbed him at the pools"))
                .as("a pool is no poll")
                .isFalse();
        assertThat(matches("=shoot AND him", RuleLanguage.EN, "I will shoot him"))
                .isTrue();
        assertThat(matches("=shoot AND him", RuleLanguage.EN, "they shot him in 1968"))
                .as("the past is not the present written as written")
                .isFalse();
        assertThat(matches("=shoots", RuleLanguage.EN, "two shots were heard")).isFalse();
        assertThat(matches("=finns", RuleLanguage.EN, "the fish lost its fins")).isFalse();
        assertThat(matches("=hanne", RuleLanguage.DA, "en hane galer"))
                .as("a rooster is no Hanne")
                .isFalse();
    }

    @Test
    void aStretchedOrCapitalisedWordStillMatchesItsAsWrittenTerm() {
        assertThat(matches("=kill AND them", RuleLanguage.EN, "KILL them")).isTrue();
        assertThat(matches("=kill AND them", RuleLanguage.EN, "kiiiill them")).isTrue();
        assertThat(matches("=shoot AND him", RuleLanguage.EN, "Shoot him")).isTrue();
        assertThat(matches("\"skal =hænges\"~2", RuleLanguage.DA, "han skal HÆNGES"))
                .isTrue();
        assertThat(matches("=ånde", RuleLanguage.DA, "han skal ikke aande mere"))
                .as("aa for å, as the Danish letters read it")
                .isTrue();
    }

    @Test
    void theCheckRefusesAnAsWrittenTermThatIsNotOneWord() {
        RuleQueryCompiler compiler = new RuleQueryCompiler(RuleAnalyzer.perField());
        assertThat(compiler.compile("kill AND =it's", List.of(RuleLanguage.EN)).errors())
                .anyMatch(e -> e.contains("as written"));
        assertThat(compiler.compile("kill AND =says", List.of(RuleLanguage.EN)).ok())
                .isTrue();
    }
}

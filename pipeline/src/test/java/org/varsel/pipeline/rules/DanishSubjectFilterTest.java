package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Danish rule written with the subject before its verb reads the orders Danish grammar gives the subject. */
class DanishSubjectFilterTest {

    private static final Rule STRAIGHT = TestRules.active(
            "straight", "\"jeg slår ham ihjel\"~0 OR \"jeg skyder dig\"~0 OR \"hun skal hænges\"~0", RuleLanguage.DA);

    private static boolean matches(RuleEngine engine, String text) {
        return !engine.match(text, Optional.of("da")).hits().isEmpty();
    }

    @Test
    void readsASubjectPutAfterItsVerbByAFrontedWordOrClause() {
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(STRAIGHT))) {
            assertThat(matches(engine, "Så slår jeg ham ihjel")).isTrue();
            assertThat(matches(engine, "SÅ SLÅR JEG HAM IHJEL")).isTrue();
            assertThat(matches(engine, "Efter valget skal hun hænges")).isTrue();
            assertThat(matches(engine, "Hvis du kommer igen, skyder jeg dig")).isTrue();
        }
    }

    @Test
    void leavesAQuestionAndAVerbThatOpensTheSentenceAlone() {
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(STRAIGHT))) {
            assertThat(matches(engine, "Slår jeg ham ihjel, så kommer politiet"))
                    .isFalse();
            assertThat(matches(engine, "Hvorfor skal hun hænges?")).isFalse();
            assertThat(matches(engine, "Ham kender jeg. Slår jeg ham ihjel?")).isFalse();
        }
    }

    @Test
    void readsTheSubjectAVerbAfterOgSharesWithTheVerbBeforeIt() {
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(STRAIGHT))) {
            assertThat(matches(engine, "Jeg kommer hjem til dig og skyder dig")).isTrue();
            assertThat(matches(engine, "Jeg finder ud af hvor han bor og slår ham ihjel"))
                    .isTrue();

            assertThat(matches(engine, "Jeg kommer hjem til dig og han skyder dig"))
                    .isFalse();
            assertThat(matches(engine, "Han kommer hjem til dig og skyder dig")).isFalse();
            assertThat(matches(engine, "Jeg kommer hjem. Og skyder dig")).isFalse();
        }
    }

    @Test
    void keepsEveryWordWhereItStands() {
        Rule asWritten = TestRules.active("inverted", "\"så slår jeg ham\"~0 OR \"og skyder dig\"~0", RuleLanguage.DA);
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(asWritten))) {
            assertThat(matches(engine, "Så slår jeg ham ihjel")).isTrue();
            assertThat(matches(engine, "Jeg kommer hjem til dig og skyder dig")).isTrue();
        }
    }

    @Test
    void readsANounSubjectPutAfterItsVerb() {
        Rule group = TestRules.active(
                "group",
                "\"muslimerne skal skydes\"~0 OR \"alle polakkerne burde samles\"~0 OR \"de fucking svenskere skal hænges\"~0"
                        + " OR \"de sorte skal skydes\"~0",
                RuleLanguage.DA);
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(group))) {
            assertThat(matches(engine, "Derfor skal muslimerne skydes allesammen"))
                    .isTrue();
            assertThat(matches(engine, "Ærligt talt burde alle polakkerne samles"))
                    .isTrue();
            assertThat(matches(engine, "Så skal de fucking svenskere hænges")).isTrue();
            assertThat(matches(engine, "Nu skal de sorte skydes")).isTrue();

            assertThat(matches(engine, "Hvorfor skal muslimerne skydes?")).isFalse();
            assertThat(matches(engine, "Skal muslimerne skydes?")).isFalse();
            assertThat(matches(engine, "Nu skal de ikke skydes")).isFalse();
        }
    }

    @Test
    void readsAPassiveAfterOgWhereTheModalsFirstPassivesPhraseEnds() {
        Rule passive = TestRules.active("passive", "\"Lars Vinther burde skydes\"~3", RuleLanguage.DA);
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(passive))) {
            assertThat(matches(engine, "Lars Vinther burde slæbes ud på gaden og skydes"))
                    .isTrue();

            assertThat(matches(engine, "Lars Vinther burde slæbes ud på gaden og vi skydes"))
                    .isFalse();
            assertThat(matches(engine, "Lars Vinther slæbes ud på gaden og skydes"))
                    .isFalse();
        }
    }

    @Test
    void readsASingularNounSubjectAfterAModalAndAnAdjectiveBeforeAPluralNoun() {
        Rule straight = TestRules.active(
                "singular",
                "\"statsministeren burde hænges\"~0 OR \"den forræder skal hænges\"~0"
                        + " OR \"de beskidte perkere skal skydes\"~0",
                RuleLanguage.DA);
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(straight))) {
            assertThat(matches(engine, "Så burde statsministeren hænges")).isTrue();
            assertThat(matches(engine, "Nu skal den forræder hænges")).isTrue();
            assertThat(matches(engine, "Så skal de beskidte perkere skydes")).isTrue();

            assertThat(matches(engine, "Hvorfor burde statsministeren hænges?")).isFalse();
        }
        Rule object = TestRules.active("object", "\"filmen ser\"~0", RuleLanguage.DA);
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(object))) {
            assertThat(matches(engine, "I aften ser vi filmen")).isFalse();
            assertThat(matches(engine, "Jeg ser filmen i aften")).isFalse();
        }
    }

    @Test
    void stacksAPassiveSharedAfterOgBehindTheFirstPassivesParticleSoNoIdiomIsMadeUp() {
        Rule idiom = TestRules.active("idiom", "\"hænges ud\"~0", RuleLanguage.DA);
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(idiom))) {
            assertThat(matches(engine, "Karen Holm burde slæbes ud af sit hus og hænges"))
                    .isFalse();
            assertThat(matches(engine, "Karen Holm burde hænges ud i pressen")).isTrue();
        }
        Rule passive = TestRules.active("passive", "\"Holm burde hænges\"~5", RuleLanguage.DA);
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(passive))) {
            assertThat(matches(engine, "Karen Holm burde slæbes ud af sit hus og hænges"))
                    .isTrue();
        }
    }
}

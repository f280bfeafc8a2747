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

    /** Whether a Danish rule of {@code query} alone opens on {@code text}. */
    private static boolean reads(String query, String text) {
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(TestRules.active("q", query, RuleLanguage.DA)))) {
            return matches(engine, text);
        }
    }

    @Test
    void readsASingularNounSubjectAfterAModalAndAnAdjectiveBeforeAPluralNoun() {
        assertThat(reads("\"statsministeren burde hænges\"~0", "Så burde statsministeren hænges"))
                .isTrue();
        assertThat(reads("\"den forræder skal hænges\"~0", "Nu skal den forræder hænges"))
                .isTrue();
        assertThat(reads("\"de beskidte perkere skal skydes\"~0", "Så skal de beskidte perkere skydes"))
                .isTrue();

        assertThat(reads("\"statsministeren burde hænges\"~0", "Hvorfor burde statsministeren hænges?"))
                .isFalse();
        assertThat(reads("\"filmen ser\"~0", "I aften ser vi filmen")).isFalse();
        assertThat(reads("\"filmen ser\"~0", "Jeg ser filmen i aften")).isFalse();
    }

    @Test
    void stacksAPassiveSharedAfterOgBeforeTheOgSoNoIdiomIsMadeUp() {
        assertThat(reads("\"hænges ud\"~0", "Karen Holm burde slæbes ud af sit hus og hænges"))
                .isFalse();
        assertThat(reads("\"skydes af\"~0", "Karen Holm skal trækkes ud af bilen og skydes"))
                .isFalse();
        assertThat(reads("\"hænges ud\"~0", "Karen Holm burde hænges ud i pressen"))
                .isTrue();
        assertThat(reads("\"Holm burde hænges\"~5", "Karen Holm burde slæbes ud af sit hus og hænges"))
                .isTrue();
    }
}

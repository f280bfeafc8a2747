package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.rules.TestRules.active;
import static org.varsel.pipeline.rules.TestRules.pack;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules for {@code any} language find words in scripts written without spaces and in normalised forms. */
class EveryScriptRuleTest {

    @Test
    void burmeseRuleForKillMatchesTextWrittenWithoutSpaces() {
        String text = "ကုလားတွေကို သတ်ပစ်ရမယ်";
        try (RuleEngine engine = RuleEngine.build(pack(active("my-kill", "သတ်", RuleLanguage.ANY)))) {
            for (Optional<String> language : new Optional[] {Optional.empty(), Optional.of("und"), Optional.of("my")}) {
                assertThat(engine.match(text, language).hits())
                        .singleElement()
                        .satisfies(hit -> assertThat(hit.matchedTerms())
                                .extracting(MatchedTerm::text)
                                .containsExactly("သတ်"));
            }
            // သတ္တဝါ ("animal") starts with the same letters: a word, not a substring, must match
            assertThat(engine.match("ဒီသတ္တဝါက လှတယ်").hits()).isEmpty();
        }
    }

    @Test
    void thaiAndChineseRulesMatchWordsInsideUnspacedText() {
        try (RuleEngine engine = RuleEngine.build(pack(
                active("th-kill", "ฆ่า AND พวกมัน", RuleLanguage.ANY),
                active("zh-exterminate", "消灭 AND 他们", RuleLanguage.ANY)))) {
            assertThat(engine.match("ฆ่าพวกมันให้หมด").hits())
                    .extracting(RuleHit::ruleId)
                    .containsExactly("th-kill");
            assertThat(engine.match("我们必须消灭他们").hits())
                    .extracting(RuleHit::ruleId)
                    .containsExactly("zh-exterminate");
            assertThat(engine.match("ภาษาไทยง่ายมาก 我们喜欢他们").hits()).isEmpty();
        }
    }

    @Test
    void arabicRuleMatchesWithAndWithoutVowelMarksAndElongation() {
        try (RuleEngine engine = RuleEngine.build(pack(active("ar-kill", "اقتلوا AND الكفار", RuleLanguage.ANY)))) {
            assertThat(engine.match("اقتلوا الكُفَّارَ جميعاً").hits()).hasSize(1);
            assertThat(engine.match("اقتـــلوا الكفار").hits()).hasSize(1);
        }
    }

    @Test
    void latinTextInAnyLanguageRulesIsAnalysedAsBefore() {
        try (RuleEngine engine = RuleEngine.build(pack(active("any-kill", "kill AND migrants", RuleLanguage.ANY)))) {
            assertThat(engine.match("KIIIILL the mígrants 😀", Optional.of("fr"))
                            .hits())
                    .singleElement()
                    .satisfies(hit -> assertThat(hit.matchedTerms())
                            .extracting(MatchedTerm::text)
                            .containsExactly("KIIIILL", "mígrants"));
        }
    }

    @Test
    void aScriptRuleReachesSignalsTaggedWithTheScriptOrALanguageWrittenInItAndNoOthers() {
        try (RuleEngine engine = RuleEngine.build(pack(active("mymr-kill", "သတ်", RuleLanguage.MYANMAR_SCRIPT)))) {
            String text = "ကုလားတွေကို သတ်ပစ်ရမယ်";
            assertThat(engine.match(text, Optional.of("und-Mymr")).hits()).hasSize(1);
            assertThat(engine.match(text, Optional.of("my")).hits()).hasSize(1);
            assertThat(engine.match(text, Optional.of("my-MM")).hits()).hasSize(1);
            assertThat(engine.match(text, Optional.empty()).hits()).hasSize(1);
            assertThat(engine.match(text, Optional.of("th")).hits()).isEmpty();
            assertThat(engine.match(text, Optional.of("en")).hits()).isEmpty();
        }
    }

    @Test
    void documentTagsMapToTheirScriptFields() {
        assertThat(RuleLanguage.ofDocumentTag("ar")).contains(RuleLanguage.ARABIC_SCRIPT);
        assertThat(RuleLanguage.ofDocumentTag("am")).contains(RuleLanguage.ETHIOPIC_SCRIPT);
        assertThat(RuleLanguage.ofDocumentTag("und-Ethi")).contains(RuleLanguage.ETHIOPIC_SCRIPT);
        assertThat(RuleLanguage.ofDocumentTag("zh")).contains(RuleLanguage.HAN_SCRIPT);
        assertThat(RuleLanguage.ofDocumentTag("en-GB")).contains(RuleLanguage.EN);
        assertThat(RuleLanguage.ofDocumentTag("fr")).isEmpty();
        assertThat(RuleLanguage.ofDocumentTag("und")).isEmpty();
    }
}

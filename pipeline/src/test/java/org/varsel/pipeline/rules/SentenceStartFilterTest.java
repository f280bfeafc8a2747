package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** The sentence-start token: which words of a document open a sentence, and a rule that reads an imperative by it. */
class SentenceStartFilterTest {

    private static final Analyzer DOCUMENTS = RuleAnalyzer.forDocuments(List.of());

    /** Every token of the English analysis as "position:term", a marker as the word it stands before. */
    static List<String> positions(String text) {
        List<String> found = new ArrayList<>();
        try (TokenStream ts = DOCUMENTS.tokenStream(RuleLanguage.EN.field(), text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                String t = term.toString();
                found.add(position + ":"
                        + (t.equals(SentenceStartFilter.TOKEN) || t.equals(ClauseStartFilter.TOKEN)
                                ? t + text.substring(offset.startOffset(), offset.endOffset())
                                : t));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Test
    void putsTheMarkerBeforeEverySentencesFirstWordWithoutMovingTheWordsApart() {
        assertThat(positions("Traitors everywhere. Hang them! \"Now\" we act"))
                .containsExactly(
                        "0:_start_Traitors",
                        "0:_clause_Traitors",
                        "1:traitor",
                        "2:everywher",
                        "2:_start_Hang",
                        "2:_clause_Hang",
                        "3:hang",
                        "4:them",
                        "4:_start_Now",
                        "4:_clause_Now",
                        "5:now",
                        "6:we",
                        "7:act");
        assertThat(positions("@user gas them all")).doesNotContain("0:_start_user");
    }

    @Test
    void leavesSentencesThatOpenWithAPastFormOrAGerundUnmarked() {
        // the whole IRA stream: "Police came to check up on her. Killed her." and "SHOT HIM WHILE HE WAS ON THE GROUND"
        // read as calls, "Killing Homosexuals Is Not ISIS Law" as one aimed at a group
        assertThat(positions("Police came. Killed her.")).noneMatch(t -> t.contains("_start_Killed"));
        assertThat(positions("SHOT HIM WHILE HE WAS DOWN")).noneMatch(t -> t.contains("_start_"));
        assertThat(positions("Killing homosexuals is wrong")).noneMatch(t -> t.contains("_start_"));
        assertThat(positions("String them up. Shoot them.")).contains("0:_start_String", "3:_start_Shoot");
    }

    @Test
    void opensASentenceAfterExactlyTheEndMarksTheSentencesOfTheRulesEndAt() {
        // every character between two words: only a sentence end opens a sentence, and the same ends as Sentences'
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            String text = "it" + c + "w";
            boolean end = ".!?:;\n\u2026".indexOf(c) >= 0;
            assertThat(SentenceStartFilter.opensSentence(text, 3))
                    .as("U+%04X", i)
                    .isEqualTo(end);
            assertThat(Sentences.startOf(text, 3) == 3).as("U+%04X", i).isEqualTo(end);
        }
    }

    @Test
    void letsARuleReadAnImperativeAtTheStartOfASentence() {
        Rule imperative = TestRules.active("imperative", "\"_start_ hang them\"~0 OR \"_start_ kill them\"~0");
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(imperative))) {
            assertThat(engine.match("These traitors. Hang them.", Optional.of("en"))
                            .hits())
                    .hasSize(1);
            assertThat(engine.match("Kill them all, every one", Optional.of("en"))
                            .hits())
                    .hasSize(1);

            assertThat(engine.match("The muslims hang them in the square", Optional.of("en"))
                            .hits())
                    .isEmpty();
            assertThat(engine.match("they said they would kill them", Optional.of("en"))
                            .hits())
                    .isEmpty();
        }
    }

    @Test
    void keepsAProximityThatAsksForOneSentenceFromReadingAcrossASentenceEnd() {
        Rule oneSentence = TestRules.active("one-sentence", "\"_one_sentence_ women savage\"~2");
        Rule acrossSentences = TestRules.active("across", "\"women savage\"~2");
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(oneSentence, acrossSentences))) {
            assertThat(ruleIds(engine, "Black Lives Matter but not White women? Savage as all Hell."))
                    .containsExactly("across");
            assertThat(ruleIds(engine, "These women. Savage, all of them")).containsExactly("across");

            assertThat(ruleIds(engine, "these women are savage")).containsExactly("one-sentence", "across");
            assertThat(ruleIds(engine, "I said it. These women are savage. Nobody listens"))
                    .containsExactly("one-sentence", "across");
        }
    }

    @Test
    void readsAPhraseThatOpensWithTheSentenceStartAndAsksForOneSentence() {
        // the phrase's own _start_ opens the sentence its second word stands in: that opening is no sentence end
        Rule imperative = TestRules.active("imperative", "\"_one_sentence_ _start_ hang them\"~2");
        Rule twoParts = TestRules.active("two-parts", "\"_start_ hang _one_sentence_\"~0");
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(imperative, twoParts))) {
            assertThat(ruleIds(engine, "Hang them.")).containsExactly("two-parts", "imperative");
            assertThat(ruleIds(engine, "These traitors. Hang them all")).containsExactly("two-parts", "imperative");
            assertThat(ruleIds(engine, "Hang all of them")).containsExactly("two-parts", "imperative");
            assertThat(ruleIds(engine, "Hang")).containsExactly("two-parts");

            // a sentence that opens after the phrase's first word still ends the phrase
            assertThat(ruleIds(engine, "Hang on. Them again?")).containsExactly("two-parts");
            assertThat(ruleIds(engine, "Hang in there. Them too")).containsExactly("two-parts");
            assertThat(ruleIds(engine, "They say the muslims hang them")).isEmpty();
        }
    }

    @Test
    void refusesToLoadARuleThatAsksForOneSentenceInAPhraseOfOnePartAndSaysWhatToWrite() {
        Rule onePart = TestRules.active("one-part-sentence", "\"_one_sentence_ savage\"~2");

        assertThatThrownBy(() -> RuleEngine.build(TestRules.pack(onePart)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one-part-sentence: '_one_sentence_' in \"_one_sentence_ savage\"")
                .hasMessageContaining("add the part it must share a sentence with, or drop the option");
    }

    private static List<String> ruleIds(RuleEngine engine, String text) {
        return engine.match(text, Optional.of("en")).hits().stream()
                .map(RuleHit::ruleId)
                .sorted(Comparator.reverseOrder())
                .toList();
    }
}

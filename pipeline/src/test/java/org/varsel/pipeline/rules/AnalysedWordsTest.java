package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.junit.jupiter.api.Test;

/**
 * The words kept from a signal's indexing are the words a second analysis of its text would give, for every field:
 * stacked {@code _person_} and repaired words, words run together, Danish letters, accents, offsets into the text.
 * {@code RuleEngineEquivalenceTest} checks the hits read from them (groups, reported speech) against the frozen engine.
 */
class AnalysedWordsTest {

    private static final List<String> TEXTS = List.of(
            "Kill them all tonight, Ahmed Hassan deserves to hang",
            "k1ll th3 j3ws!!! they are vermin, shoooot them",
            "De skal slås ihjel, Mette Frederiksen er en forræder. Skyd dem alle",
            "dræb muslimerne nu, de er rotter og skal ud af Danmark",
            "“Hang them all” said the mayor's critic; we condemn this threat",
            "fuckingmuslims and theyneedtodie, café naïve résumé",
            "a quiet day at the harbour, nothing to see here");

    private final Analyzer documents = RuleAnalyzer.forDocuments(List.of());
    private final Analyzer again = RuleAnalyzer.forDocuments(List.of());

    @Test
    void keepsTheWordsASecondAnalysisOfEachFieldWouldGive() throws IOException {
        AnalysedWords words = new AnalysedWords();
        MemoryIndex index = SignalIndex.create();
        for (String text : TEXTS) {
            List<RuleLanguage> fields = List.of(RuleLanguage.ANY, RuleLanguage.EN, RuleLanguage.DA);
            index(index, words, text, fields);
            for (RuleLanguage l : fields) {
                assertThat(words.tokens(l))
                        .as("%s as analysed for %s", text, l.code())
                        .isNotEmpty()
                        .isEqualTo(Lexicons.analyse(again, l, text));
            }
        }
    }

    @Test
    void forgetsTheSignalBefore() throws IOException {
        AnalysedWords words = new AnalysedWords();
        MemoryIndex index = SignalIndex.create();
        index(index, words, TEXTS.get(0), List.of(RuleLanguage.ANY, RuleLanguage.EN));
        index(index, words, TEXTS.get(3), List.of(RuleLanguage.ANY, RuleLanguage.DA));
        assertThat(words.tokens(RuleLanguage.ANY)).isEqualTo(Lexicons.analyse(again, RuleLanguage.ANY, TEXTS.get(3)));
        assertThatThrownBy(() -> words.tokens(RuleLanguage.EN)).isInstanceOf(IllegalStateException.class);
    }

    private void index(MemoryIndex index, AnalysedWords words, String text, List<RuleLanguage> fields)
            throws IOException {
        words.clear();
        ObfuscationCharFilter.Folded folded = ObfuscationCharFilter.fold(text);
        for (RuleLanguage l : fields) {
            index.addField(
                    new TextField(l.field(), words.recording(l, documents.tokenStream(l.field(), folded.reader()))),
                    documents);
        }
        index.freeze();
        index.reset();
    }
}

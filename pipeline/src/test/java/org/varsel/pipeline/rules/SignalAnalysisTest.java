package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * A signal analysed once for every chain gives each field the index a separate analysis of that field would give:
 * the same terms at the same positions with the same offsets, and the same words kept for reading its hits. {@code
 * any} and the script fields share a chain; English and Danish each have their own, whatever was analysed before them.
 */
class SignalAnalysisTest {

    private static final RulePack PACK = BundledRules.load();
    /** Texts in the scripts the pack's rules are written for, mixed with Latin words, names, quotes and marks. */
    private static final List<String> MORE = List.of(
            "Kill them all tonight, Ahmed Hassan deserves to hang. “Hang them all” said the mayor",
            "k1ll th3 j3ws!!! shoooot them #KillBill https://example.com/x",
            "اقتلوهم جميعا الليلة kill them",
            "ግደሏቸው ሁሉንም now",
            "သတ်ပစ်ကြ ကုလားတွေကို ဖြိုခွင်းပါ",
            "De skal slås ihjel, Mette Frederiksen er en forræder. Skyd dem alle",
            "fuckingmuslims and theyneedtodie, café naïve résumé 2016 @user");
    /** The last line of a field's postings when two of its terms share a position. */
    private static final String STACKED = "(stacked)\n";

    @Test
    void everyFieldIsIndexedAsItsOwnAnalysisWouldIndexIt() throws IOException {
        Analyzer documents = RuleAnalyzer.forDocuments(PACK);
        Analyzer separately = RuleAnalyzer.forDocuments(PACK);
        SignalAnalysis analysis = new SignalAnalysis(documents);
        MemoryIndex shared = SignalIndex.create();
        MemoryIndex own = SignalIndex.create();
        AnalysedWords words = new AnalysedWords();
        Set<RuleLanguage> every = EnumSet.allOf(RuleLanguage.class);
        int stacked = 0;
        for (String text : texts()) {
            ObfuscationCharFilter.Folded folded = ObfuscationCharFilter.fold(text);
            words.clear();
            analysis.into(shared, words, every, folded);
            for (RuleLanguage l : every) {
                own.addField(new TextField(l.field(), separately.tokenStream(l.field(), folded.reader())), separately);
            }
            shared.freeze();
            own.freeze();
            for (RuleLanguage l : every) {
                String expected = postings(own, l);
                assertThat(postings(shared, l)).as("%s in %s", text, l.field()).isEqualTo(expected);
                stacked += expected.endsWith(STACKED) ? 1 : 0;
                assertThat(words.tokens(l))
                        .as("%s as analysed for %s", text, l.code())
                        .isEqualTo(Lexicons.analyse(separately, l, text));
            }
            shared.reset();
            own.reset();
        }
        assertThat(stacked)
                .as("fields with a word stacked on another (position increment 0)")
                .isGreaterThan(100);
    }

    @Test
    void onlyTheScriptFieldsAndAnyShareAChain() {
        for (RuleLanguage l : RuleLanguage.values()) {
            assertThat(RuleAnalyzer.chainOf(l)).as(l.code()).isEqualTo(l.hasStemmer() ? l : RuleLanguage.ANY);
        }
    }

    /** The pack's examples and their mixes ({@link RuleEngineEquivalenceTest#texts}), then {@link #MORE}. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>(RuleEngineEquivalenceTest.texts(PACK, 400));
        texts.addAll(MORE);
        return texts;
    }

    /** A field's terms, each with its positions and offsets, in term order: all a query reads of the field. */
    private static String postings(MemoryIndex index, RuleLanguage language) throws IOException {
        LeafReader reader = (LeafReader)
                index.createSearcher().getIndexReader().leaves().get(0).reader();
        Terms terms = reader.terms(language.field());
        if (terms == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        TermsEnum te = terms.iterator();
        Set<Integer> positions = new HashSet<>();
        boolean stacked = false;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            out.append(term.utf8ToString()).append(':');
            PostingsEnum p = te.postings(null, PostingsEnum.ALL);
            p.nextDoc();
            for (int i = 0; i < p.freq(); i++) {
                int position = p.nextPosition();
                stacked |= !positions.add(position);
                out.append(' ')
                        .append(position)
                        .append('[')
                        .append(p.startOffset())
                        .append('-')
                        .append(p.endOffset())
                        .append(']');
            }
            out.append('\n');
        }
        return stacked ? out.append(STACKED).toString() : out.toString();
    }
}

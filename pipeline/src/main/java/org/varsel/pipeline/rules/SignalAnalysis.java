package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.memory.MemoryIndex;

/**
 * Analyses a signal's text into its index for every field it is matched in, once for each analysis chain: {@code any}
 * and the script fields share one chain ({@link RuleAnalyzer#chainOf}), so the first of them is analysed and the others
 * are given its words again. A text without a language tag is matched in all six fields of the bundled pack, four of
 * them by that one chain, and each analysis tokenised, marked and looked up every word anew (docs/performance.md,
 * issue 20).
 */
final class SignalAnalysis {

    private final Analyzer documents;

    /** {@code documents}: the per-field analyzer of the documents matched ({@link RuleAnalyzer#forDocuments}). */
    SignalAnalysis(Analyzer documents) {
        this.documents = documents;
    }

    /** Adds {@code folded}'s text to {@code index} in each of {@code fields}, keeping each field's words in {@code words}. */
    void into(MemoryIndex index, AnalysedWords words, Set<RuleLanguage> fields, ObfuscationCharFilter.Folded folded)
            throws IOException {
        RuleLanguage[] analysedFirst = new RuleLanguage[RuleLanguage.values().length];
        for (RuleLanguage l : fields) {
            int chain = RuleAnalyzer.chainOf(l).ordinal();
            TokenStream analysed;
            if (analysedFirst[chain] == null) {
                analysed = documents.tokenStream(l.field(), folded.reader());
                analysedFirst[chain] = l;
            } else {
                analysed = words.replay(analysedFirst[chain]);
            }
            index.addField(new TextField(l.field(), words.recording(l, analysed)), documents);
        }
    }
}

package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/**
 * A hit's text walked only for the lexicon forms a hit reads (a group's name, counter-speech) finds every occurrence
 * of those the walk over every form found, in the same order: a hit's groups and its reported-speech context are read
 * from them.
 */
class OccurrencesReadByHitsTest {

    private static final RulePack PACK = BundledRules.load();

    @Test
    void findsTheOccurrencesAHitReadsInTheOrderTheWalkOverEveryFormFoundThem() {
        Lexicons lexicons = new Lexicons(PACK.lexicons());
        Lexicons.Index readByHitsIndex = HitInterpreter.formsRead(lexicons);
        Analyzer analyzer = RuleAnalyzer.forDocuments(PACK);
        int read = 0;
        int notRead = 0;
        for (String text : RuleEngineEquivalenceTest.texts(PACK, 400)) {
            for (RuleLanguage l : RuleLanguage.values()) {
                List<Lexicons.Token> tokens = Lexicons.analyse(analyzer, l, text);
                List<Lexicons.Occurrence> every = lexicons.occurrences(l, tokens);
                List<Lexicons.Occurrence> readByHits = every.stream()
                        .filter(o -> HitInterpreter.reads(o.lexicon(), o.entry()))
                        .toList();
                assertThat(readByHitsIndex.occurrences(l, tokens))
                        .as("%s as analysed for %s", text, l.code())
                        .isEqualTo(readByHits);
                read += readByHits.size();
                notRead += every.size() - readByHits.size();
            }
        }
        assertThat(read).as("occurrences of groups and counter-speech").isGreaterThan(1_000);
        assertThat(notRead).as("occurrences no hit reads").isGreaterThan(read);
    }
}

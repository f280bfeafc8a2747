package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/**
 * Lucene's 1,024 clauses bind each part of a rule the engine runs alone, not the whole rule: the check counts what
 * Lucene counts, so no rule it passes is refused at match time, where a refused part silently matches nothing.
 */
class LexiconClauseLimitTest {

    /** 600 made-up words: two references fit in no part, one does (Lucene counts "@big @big" once, as a repeat). */
    private static final Lexicon BIG = TestRules.lexicon(
            "big",
            RuleLanguage.EN,
            LexiconKind.VIOLENT_ACTION,
            IntStream.range(0, 600)
                    .mapToObj(i -> new Lexicon.Entry(word(i), List.of(), null))
                    .toList());

    @Test
    void everyPartOfEveryRuleInTheRepositoryIsOneLuceneRewritesWithoutRefusing() throws IOException {
        Lexicons lexicons = new Lexicons(RepositoryRules.lexicons());
        RuleQueryCompiler compiler = new RuleQueryCompiler(RuleAnalyzer.perField(), lexicons);
        IndexSearcher searcher = new MemoryIndex().createSearcher();
        List<String> refused = new ArrayList<>();
        for (Rule rule : RepositoryRules.rules()) {
            Query query = compiler.compile(rule.query(), rule.languages()).query();
            assertThat(query).as(rule.id()).isNotNull();
            for (Query part : new QueryDecomposer().decompose(query)) {
                try {
                    searcher.rewrite(part);
                } catch (IndexSearcher.TooManyClauses e) {
                    refused.add(rule.id() + " (" + RuleQueryCompiler.countTerms(part) + " terms)");
                }
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void aRuleWhosePartsEachFitIsAcceptedAndMatchesByEitherPart() {
        Rule rule = TestRules.active("either-side", "\"@big alpha\"~1 OR \"@big omega\"~1");
        RuleQueryCompiler.Compiled compiled = compiler().compile(rule.query(), rule.languages());

        assertThat(compiled.errors()).isEmpty();
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(rule), List.of(BIG)))) {
            assertThat(engine.match("then " + word(599) + " omega", Optional.of("en"))
                            .hits())
                    .extracting(RuleHit::ruleId)
                    .containsExactly("either-side");
        }
    }

    @Test
    void aPartOverTheLimitIsRefusedWithWhatToDoAndNeverBuiltIntoAnEngine() {
        Rule rule = TestRules.active("one-part", "\"@big alpha @big\"~2");

        assertThat(compiler().compile(rule.query(), rule.languages()).errors())
                .singleElement()
                .asString()
                .contains("expands to 1201 terms", "Lucene allows 1024", "joined by OR");
        assertThatThrownBy(() -> RuleEngine.build(RulePack.of("test", List.of(rule), List.of(BIG))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one-part");
    }

    private static RuleQueryCompiler compiler() {
        Analyzer analyzer = RuleAnalyzer.perField();
        return new RuleQueryCompiler(analyzer, new Lexicons(List.of(BIG)));
    }

    /** Distinct made-up words that stemming and letter folding leave distinct: zu + two consonant-vowel syllables. */
    private static String word(int i) {
        String consonants = "bdfgklmnpt";
        String vowels = "aou";
        int a = i / 24;
        int b = i % 24;
        return "zu" + consonants.charAt(a / 3) + vowels.charAt(a % 3) + "r" + consonants.charAt(b / 3)
                + vowels.charAt(b % 3);
    }
}

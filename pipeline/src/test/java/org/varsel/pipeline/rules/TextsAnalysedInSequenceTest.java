package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.RealTexts;

/**
 * A document's tokens are its own: the analysis of a text gives the same tokens whatever the analyzer read before it
 * (every filter's {@code reset} clears what it keeps per document), and no document opens with a token stacked at an
 * increment of 0, which Lucene refuses ("first position increment must be > 0") and which failed the whole match of
 * the signal. Session 24 met that failure indexing the rule examples with two more; it came from a mix of their words
 * that opened with a comma, not from the order of the texts.
 */
class TextsAnalysedInSequenceTest {

    private static final RulePack PACK = RepositoryRules.pack();
    private static final List<RuleLanguage> CHAINS = List.of(RuleLanguage.EN, RuleLanguage.DA, RuleLanguage.ANY);

    @Test
    void theTwoDeserveExamplesMatchInEitherOrderBeforeAndAfterOtherTexts() {
        String call = "somebody should shoot that guy, he does not deserve to live";
        String doubt = "I don't think someone should shoot him";
        String other = "Hang them all from the bridge, every last one";
        NaiveRuleMatcher naive = new NaiveRuleMatcher(PACK);
        for (List<String> order : List.of(
                List.of(call, doubt, other),
                List.of(doubt, call, other),
                List.of(other, call, doubt),
                List.of(other, doubt, call))) {
            List<Set<String>> together = naive.matchingRuleIdsOfEach(order, Optional.of("en"));
            for (int t = 0; t < order.size(); t++) {
                assertThat(together.get(t))
                        .as(order.get(t))
                        .isEqualTo(naive.matchingRuleIds(order.get(t), Optional.of("en")));
            }
        }
    }

    @Test
    void aTextWhoseFirstWordOpensAClauseAfterACommaOrADashIsIndexedAndMatched() {
        List<String> texts = List.of("💀, kill him", "— shoot them all", ", hang them");
        // Lucene's IndexWriter refused these texts (the engine's MemoryIndex took them): their clause marker led them
        List<Set<String>> indexed = new NaiveRuleMatcher(PACK).matchingRuleIdsOfEach(texts, Optional.of("en"));
        for (int t = 0; t < texts.size(); t++) {
            assertThat(indexed.get(t)).as(texts.get(t)).contains("dsl-en-imperative-to-kill");
            assertThat(RepositoryRules.engine()
                            .match(texts.get(t), Optional.of("en"))
                            .hits())
                    .as(texts.get(t))
                    .extracting(RuleHit::ruleId)
                    .contains("dsl-en-imperative-to-kill");
            assertThat(firstIncrements(RuleAnalyzer.forDocuments(PACK), texts.get(t)))
                    .as(texts.get(t))
                    .allMatch(increment -> increment > 0);
        }
    }

    @Test
    void everyTextGivesTheSameTokensWhateverTheAnalyzerReadBeforeIt() {
        List<String> texts = texts();
        List<Supplier<Analyzer>> kinds = List.of(
                () -> RuleAnalyzer.forDocuments(PACK),
                () -> RuleAnalyzer.perField(true, false, PACK.lexicons(), AsWritten.wordsIn(PACK)));
        int opened = 0;
        for (Supplier<Analyzer> kind : kinds) {
            for (RuleLanguage chain : CHAINS) {
                List<List<String>> inOrder = tokensInOrder(kind.get(), chain, texts);
                for (long seed = 1; seed <= 2; seed++) {
                    List<Integer> shuffled = new ArrayList<>();
                    for (int t = 0; t < texts.size(); t++) {
                        shuffled.add(t);
                    }
                    Collections.shuffle(shuffled, new Random(seed));
                    Analyzer analyzer = kind.get();
                    for (int t : shuffled) {
                        List<String> tokens = tokens(analyzer, chain, texts.get(t));
                        assertThat(tokens)
                                .as("%s [%s] after other texts", texts.get(t), chain)
                                .isEqualTo(inOrder.get(t));
                    }
                }
                for (List<String> tokens : inOrder) {
                    opened += tokens.isEmpty() ? 0 : 1;
                    assertThat(tokens.isEmpty() || !tokens.get(0).startsWith("0\t"))
                            .as("a text's first token stands at a position of its own: %s", tokens)
                            .isTrue();
                }
            }
        }
        assertThat(opened).as("the texts must give tokens").isGreaterThan(10_000);
    }

    /**
     * A seeded sample of real posts (RealTexts) and of the functional suite's texts, and each of them from its first
     * comma or dash on, as a reply quoting part of a post or a text cut by a feed begins.
     */
    private static List<String> texts() {
        Random random = new Random(20261207L);
        List<String> real = new ArrayList<>(RealTexts.lines(50));
        Collections.shuffle(real, random);
        List<String> suite = new ArrayList<>(Stream.of("suite-en.tsv", "suite-da.tsv")
                .flatMap(TextsAnalysedInSequenceTest::suiteTexts)
                .toList());
        Collections.shuffle(suite, random);
        List<String> whole = new ArrayList<>(real.subList(0, 3000));
        whole.addAll(suite.subList(0, 2000));
        List<String> texts = new ArrayList<>(whole);
        for (String text : whole) {
            int cut = firstOf(text, ",-\u2013\u2014");
            if (cut > 0) {
                texts.add(text.substring(cut));
            }
        }
        return texts;
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static Stream<String> suiteTexts(String file) {
        try {
            return Files.readAllLines(Path.of("..", "data", "functional", file)).stream()
                    .skip(1)
                    .map(line -> line.split("\t", -1)[8]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> tokensInOrder(Analyzer analyzer, RuleLanguage chain, List<String> texts) {
        return texts.stream().map(text -> tokens(analyzer, chain, text)).toList();
    }

    /** Each token as its increment, term, offsets and keyword flag. */
    private static List<String> tokens(Analyzer analyzer, RuleLanguage chain, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(chain.field(), text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(increment.getPositionIncrement() + "\t" + term + "\t" + offset.startOffset() + "\t"
                        + offset.endOffset() + "\t" + keyword.isKeyword());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The increment of the first token of the text in every chain. */
    private static List<Integer> firstIncrements(Analyzer analyzer, String text) {
        return CHAINS.stream()
                .map(chain -> tokens(analyzer, chain, text))
                .filter(tokens -> !tokens.isEmpty())
                .map(tokens -> Integer.parseInt(tokens.get(0).split("\t")[0]))
                .toList();
    }
}

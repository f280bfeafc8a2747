package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * A text whose analysis throws half-way leaves nothing behind for the next: Lucene reuses each field's analysis chain
 * per thread, and a chain whose stream was not closed refuses every later text ("TokenStream contract violation:
 * close() call missing"), which would dead-letter every signal after one bad one. The failure here is real: a token
 * filter at the end of the bundled pack's own document chain throws on one word, inside the engine's
 * {@code MemoryIndex}, and the next texts are matched by the same engine as a fresh one matches them.
 */
public class AnalysisFailureTest {

    private static final RulePack PACK = BundledRules.load();
    /** The word the failing filter throws on: no rule, lexicon or example holds it. */
    public static final String POISON = "blorfquax";

    @Test
    void theTextsAfterOneWhoseAnalysisThrowsAreMatchedAsAFreshEngineMatchesThem() {
        try (RuleEngine failing = RuleEngine.analysingWith(PACK, AnalysisFailureTest::throwingOnPoison);
                RuleEngine fresh = RuleEngine.build(PACK)) {
            List<String> texts = RuleEngineEquivalenceTest.texts(PACK, 0);
            int hits = 0;
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                Optional<String> language = languageOf(i);
                assertThatThrownBy(() -> failing.match(poisoned(text), language))
                        .as("the poisoned form of %s", text)
                        .isInstanceOf(PoisonedWord.class);
                MatchResult expected = fresh.match(text, language);
                assertThat(failing.match(text, language))
                        .as("%s (language %s) after a failure", text, language)
                        .isEqualTo(expected);
                hits += expected.hits().size();
            }
            assertThat(hits).as("hits compared").isGreaterThan(1_000);
        }
    }

    /**
     * Why the test above can fail: a chain whose stream is left open after the failure refuses the next text. The engine
     * never leaves it open ({@code MemoryIndex.addField} closes the stream it reads, also when it throws), which the test
     * above holds it to.
     */
    @Test
    void aChainWhoseStreamIsLeftOpenAfterTheFailureRefusesTheNextText() throws IOException {
        Analyzer documents = throwingOnPoison(RuleAnalyzer.forDocuments(PACK));
        TokenStream leftOpen = documents.tokenStream(RuleLanguage.EN.field(), "kill them all " + POISON + " tonight");
        leftOpen.reset();
        assertThatThrownBy(() -> {
                    while (leftOpen.incrementToken()) {
                        // read up to the poisoned word
                    }
                })
                .isInstanceOf(PoisonedWord.class);
        assertThatThrownBy(() -> documents.tokenStream(RuleLanguage.EN.field(), "kill them all tonight"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("close() call missing");
    }

    /** An engine for {@code pack} whose analysis throws {@link PoisonedWord} on {@link #POISON}, for the operators' tests. */
    public static RuleEngine engineFailingOnPoison(RulePack pack) {
        return RuleEngine.analysingWith(pack, AnalysisFailureTest::throwingOnPoison);
    }

    /** No tag (every field, the English chain first), English, Danish: the failure lands in each chain. */
    private static Optional<String> languageOf(int i) {
        return switch (i % 3) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of("en");
            default -> Optional.of("da");
        };
    }

    /** {@code text} with the poisoned word in its middle, so that the chain fails with words before and after it. */
    static String poisoned(String text) {
        int middle = text.indexOf(' ', text.length() / 2);
        return middle < 0 ? text + " " + POISON : text.substring(0, middle) + " " + POISON + text.substring(middle);
    }

    /** {@code documents} with a filter at the end of every field's chain that throws on {@link #POISON}. */
    public static Analyzer throwingOnPoison(Analyzer documents) {
        return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return documents;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                return new TokenStreamComponents(
                        components.getSource(), new ThrowingOnPoison(components.getTokenStream()));
            }
        };
    }

    /** What the failing filter throws. */
    public static final class PoisonedWord extends IllegalStateException {
        PoisonedWord(String term) {
            super("the test's filter throws on " + term);
        }
    }

    private static final class ThrowingOnPoison extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        ThrowingOnPoison(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (term.toString().contains(POISON)) {
                throw new PoisonedWord(term.toString());
            }
            return true;
        }
    }
}

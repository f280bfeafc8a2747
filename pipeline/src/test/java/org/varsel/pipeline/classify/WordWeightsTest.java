package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.RealTexts;
import org.varsel.pipeline.nlp.TextNormaliser;

/**
 * The bundled classifier's probabilities with a word's weights remembered are bit for bit OpenNLP's categoriser's,
 * over real posts (DKHate, Davidson, HateXplain, IRA tweets), on the first sight of a word and from memory.
 */
class WordWeightsTest {

    @Test
    void probabilitiesAreTheCategorisersBitForBitOnRealPosts() {
        HarmClassifier classifier = HarmClassifier.bundled();
        assertThat(classifier.remembersWordWeights()).isTrue();
        List<String> texts = RealTexts.lines(10);
        assertThat(texts).hasSizeGreaterThan(60_000);
        for (int pass = 0; pass < 2; pass++) {
            for (String text : texts) {
                String[] tokens = TextNormaliser.tokens(text);
                assertThat(classifier.probabilities(tokens))
                        .as("pass %d: %s", pass, text)
                        .isEqualTo(classifier.categorizerProbabilities(tokens));
            }
        }
    }

    @Test
    void spacedLettersRepeatedWordsAndCompoundsScoreAsTheCategoriser() {
        HarmClassifier classifier = HarmClassifier.bundled();
        for (String text : List.of(
                "k i l l them all k i l l them all tonight",
                "dræbmuslimerne nu, dræbmuslimerne i aften",
                "the the the the",
                "",
                "a b",
                "<user> <url> 🔪🔪 burn the mosque at noon")) {
            String[] tokens = TextNormaliser.tokens(text);
            assertThat(classifier.probabilities(tokens))
                    .as(text)
                    .isEqualTo(classifier.categorizerProbabilities(tokens));
        }
    }
}

package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.RealTexts;
import org.varsel.pipeline.nlp.ModelResources;
import org.varsel.pipeline.nlp.TextNormaliser;

/**
 * The bundled model's weights as {@link WordWeights} reads them: every bigram found by its two words' ids is the
 * predicate its string names, for every bigram the model knows and for the word pairs of real posts (known or not),
 * and a predicate's flat weights add what its {@code Context} adds.
 */
class ModelWeightsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Context> predicates(QNModel model) {
        return (Map<String, Context>) model.getDataStructures()[1];
    }

    private static QNModel bundled() {
        return (QNModel) ModelResources.load(HarmClassifier.BUNDLED_MODEL, DoccatModel::new)
                .getMaxentModel();
    }

    @Test
    void everyBigramTheModelKnowsIsFoundByItsWordsIds() {
        QNModel qn = bundled();
        ModelWeights weights = ModelWeights.of(qn, predicates(qn));
        int bigrams = 0;
        for (String key : predicates(qn).keySet()) {
            if (key.startsWith("b=")) {
                String[] words = key.substring(2).split(" ", -1);
                assertThat(weights.bigram(weights.pairWord(words[0]), weights.pairWord(words[1])))
                        .as(key)
                        .isEqualTo(weights.predicate(key))
                        .isNotNegative();
                bigrams++;
            }
        }
        assertThat(bigrams).isGreaterThan(10_000);
    }

    @Test
    void theWordPairsOfRealPostsFindWhatTheirStringsFind() {
        QNModel qn = bundled();
        ModelWeights weights = ModelWeights.of(qn, predicates(qn));
        int known = 0;
        int pairs = 0;
        for (String text : RealTexts.lines(20)) {
            String[] tokens = TextNormaliser.tokens(text);
            for (int i = 1; i < tokens.length; i++) {
                int byString = weights.predicate(HarmFeatures.bigram(tokens[i - 1], tokens[i]));
                assertThat(weights.bigram(weights.pairWord(tokens[i - 1]), weights.pairWord(tokens[i])))
                        .as("%s %s", tokens[i - 1], tokens[i])
                        .isEqualTo(byString);
                known += byString >= 0 ? 1 : 0;
                pairs++;
            }
        }
        assertThat(known).isGreaterThan(pairs / 20);
    }

    @Test
    void aPredicatesFlatWeightsAddWhatItsContextAdds() {
        Map<String, Context> map = new LinkedHashMap<>();
        map.put("w=a", new Context(new int[] {2, 0}, new double[] {0.25, -1.5}));
        map.put("b=a b", new Context(new int[] {1}, new double[] {3.0e-17}));
        map.put("b=x y z", new Context(new int[] {0, 1, 2}, new double[] {1, 2, 3}));
        ModelWeights weights = ModelWeights.build(3, map);
        double[] sums = {0.1, 0.2, 0.3};
        weights.add(weights.predicate("w=a"), sums);
        weights.add(weights.predicate("b=a b"), sums);
        weights.add(-1, sums);
        assertThat(sums).containsExactly(0.1 + -1.5, 0.2 + 3.0e-17, 0.3 + 0.25);
        // a bigram that is not one word, a space and one word: no bigram is found by ids, so the string decides
        assertThat(weights.bigram(weights.pairWord("a"), weights.pairWord("b"))).isEqualTo(-1);
        assertThat(weights.pairWord("x")).isEqualTo(-1);
    }
}

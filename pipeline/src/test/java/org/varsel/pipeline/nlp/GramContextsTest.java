package org.varsel.pipeline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;

/** A gram's weights added as a row give OpenNLP's {@code ArrayMath.sumFeatures} bit for bit, whatever their order. */
class GramContextsTest {

    private static final int OUTCOMES = 103;

    @Test
    void weightsOfEveryOutcomeInAnyOrderAddAsOpenNlpAddsThem() {
        Random random = new Random(20261206);
        Map<String, Context> model = new LinkedHashMap<>();
        List<String> grams = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            String gram = String.valueOf(c);
            grams.add(gram);
            model.put(gram, context(random, c % 3 == 0 ? OUTCOMES : 1 + random.nextInt(OUTCOMES - 1), c % 2 == 0));
        }
        // every outcome's number once, except one twice: not a row
        int[] twice = IntStream.range(0, OUTCOMES).toArray();
        twice[7] = 8;
        model.put("ab", new Context(twice, weights(random, OUTCOMES)));
        grams.add("ab");
        GramContexts table = GramContexts.of(model);
        for (int round = 0; round < 2_000; round++) {
            Collections.shuffle(grams, random);
            Context[] ours = new Context[grams.size()];
            Context[] openNlps = new Context[grams.size()];
            for (int i = 0; i < grams.size(); i++) {
                String gram = grams.get(i);
                ours[i] = table.get(GramContexts.key(gram, 0, gram.length()));
                openNlps[i] = model.get(gram);
            }
            double[] prior = weights(random, OUTCOMES);
            double[] expected = prior.clone();
            ArrayMath.sumFeatures(openNlps, null, expected);
            double[] got = prior.clone();
            GramContexts.addWeights(ours, got);
            assertThat(got).isEqualTo(expected);
        }
        assertThat(table.get(GramContexts.key("c", 0, 1))).isInstanceOf(GramContexts.DenseRow.class);
        assertThat(table.get(GramContexts.key("ab", 0, 2))).isNotInstanceOf(GramContexts.DenseRow.class);
    }

    /** Weights for {@code count} distinct outcomes, in order or shuffled. */
    private static Context context(Random random, int count, boolean shuffled) {
        List<Integer> outcomes =
                new ArrayList<>(IntStream.range(0, OUTCOMES).boxed().toList());
        if (shuffled) {
            Collections.shuffle(outcomes, random);
        }
        int[] chosen =
                outcomes.subList(0, count).stream().mapToInt(Integer::intValue).toArray();
        return new Context(chosen, weights(random, count));
    }

    private static double[] weights(Random random, int count) {
        return random.doubles(count, -3, 3)
                .map(w -> w * Math.pow(10, random.nextInt(7) - 3))
                .toArray();
    }
}

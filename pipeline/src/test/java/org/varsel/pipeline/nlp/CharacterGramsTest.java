package org.varsel.pipeline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.RealTexts;

/**
 * Language detection without a string a gram gives OpenNLP's probabilities bit for bit: the grams in the order of the
 * {@code HashSet<String>} the detector refilled for every sample (whose capacity depends on the samples before it,
 * grows when a bucket overflows below 64 buckets and turns an overflowing bucket into a tree above), and the model's
 * weights found by packed characters as by the string.
 */
class CharacterGramsTest {

    /** The old computation: one set refilled for every sample, then OpenNLP's evaluation of the grams as strings. */
    private static final class OldGrams {
        private final Set<String> grams = new HashSet<>();

        List<String> of(String sample) {
            grams.clear();
            for (int len = 1; len <= 3; len++) {
                for (int k = 0; k + len <= sample.length(); k++) {
                    grams.add(sample.substring(k, k + len));
                }
            }
            return new ArrayList<>(grams);
        }
    }

    @Test
    void scoresAreOpenNlpsBitForBitOnRealPosts() {
        LanguageIdentifier identifier = new LanguageIdentifier();
        OldGrams old = new OldGrams();
        int samples = 0;
        for (String text : RealTexts.lines(5)) {
            String sample = DetectionSample.of(text, LanguageIdentifier.DEFAULT_SAMPLE_CHARS)
                    .text();
            if (sample.isEmpty()) {
                continue;
            }
            double[] expected = identifier.model().eval(old.of(sample).toArray(String[]::new));
            assertThat(identifier.scores(sample)).as(sample).isEqualTo(expected);
            samples++;
        }
        assertThat(samples).isGreaterThan(80_000);
    }

    @Test
    void gramsComeInTheOldSetsOrderAlsoWhenBucketsOverflow() {
        List<String> samples = new ArrayList<>();
        // 21 three-letter grams with one String.hashCode (a, a, a), (a, a - j, a + 31 j): one bucket at every capacity
        StringBuilder sameHash = new StringBuilder();
        for (int j = 0; j <= 20; j++) {
            sameHash.append('a')
                    .append((char) ('a' - j))
                    .append((char) ('a' + 31 * j))
                    .append(' ');
        }
        // first: the nine grams of "@P`p" all fall in bucket 0 of 16 (every character a multiple of 16): the ninth
        // doubles the table though only three quarters would not, and "aq" comes back in another order at 32 buckets
        samples.add("@P`p");
        samples.add("aq");
        samples.add("0@P`p");
        samples.add("aq");
        samples.add(sameHash.substring(0, 16));
        samples.add(sameHash.toString()); // a tree bin at 64 buckets or more
        Random random = new Random(20261206);
        String alphabet = "aqAQ1!ĀĐàð ␣ℵ中文" + sameHash;
        for (int s = 0; s < 20_000; s++) {
            int length = 1 + random.nextInt(s < 200 ? 12 : 128);
            StringBuilder sample = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sample.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(sample.toString());
            if (s % 1000 == 0) {
                samples.add(sameHash.toString());
            }
        }
        Map<String, Context> every = new LinkedHashMap<>();
        OldGrams all = new OldGrams();
        for (String sample : samples) {
            for (String gram : all.of(sample)) {
                every.computeIfAbsent(gram, g -> new Context(new int[] {0}, new double[] {every.size()}));
            }
        }
        // a gram is known by its one weight: the table may hold its own object for a context (GramContexts.DenseRow)
        Map<Double, String> names = new HashMap<>();
        every.forEach((gram, context) -> names.put(context.getParameters()[0], gram));
        CharacterGrams grams = new CharacterGrams(GramContexts.of(every));
        OldGrams old = new OldGrams();
        for (String sample : samples) {
            List<String> got = new ArrayList<>();
            for (Context c : grams.of(sample)) {
                got.add(names.get(c.getParameters()[0]));
            }
            assertThat(got).as(sample).isEqualTo(old.of(sample));
        }
        assertThat(grams.capacity()).isEqualTo(512);
    }
}

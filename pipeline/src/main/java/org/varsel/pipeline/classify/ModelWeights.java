package org.varsel.pipeline.classify;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;

/**
 * A quasi-Newton maxent model's weights laid out for {@link WordWeights}, built once a model and shared by every
 * classifier over it: predicate {@code p}'s weights in one flat array at {@code p * outcomes} (one read where OpenNLP's
 * {@code Context} costs three: the object, its outcome numbers, its parameters), a predicate's number by its string
 * (for a word's first sight), and a bigram's number by the ids of its two words, so that the bigram of two remembered
 * words is found without building its string {@code "b=previous word"} and hashing it into the ~86,000-entry map (in
 * the profile of issue 20 a fresh string and a map read for every token of every post).
 *
 * <p>Adding a predicate's weights does what {@code QNModel.eval} does for a feature of value 1: each outcome's sum
 * gains {@code 1.0 * parameter}. An outcome the predicate has no parameter for gains {@code 1.0 * 0.0}, which leaves a
 * sum that starts at {@code +0.0} unchanged bit for bit (only {@code -0.0 + 0.0} differs, and such a sum never becomes
 * {@code -0.0}), so the probabilities stay bit-identical.
 */
final class ModelWeights {

    private static final String BIGRAM = "b=";
    private static final long EMPTY = -1L;

    /** The last model's weights: the bundled model is loaded once a JVM and every classifier thread shares it. */
    private static WeakReference<QNModel> lastModel = new WeakReference<>(null);

    private static ModelWeights lastWeights;

    final int outcomes;
    private final double[] weights;
    private final Map<String, Integer> predicates;
    private final Map<String, Integer> pairWords;
    private final long[] pairKeys;
    private final int[] pairPredicates;
    private final int pairMask;

    private ModelWeights(
            int outcomes,
            double[] weights,
            Map<String, Integer> predicates,
            Map<String, Integer> pairWords,
            long[] pairKeys,
            int[] pairPredicates) {
        this.outcomes = outcomes;
        this.weights = weights;
        this.predicates = predicates;
        this.pairWords = pairWords;
        this.pairKeys = pairKeys;
        this.pairPredicates = pairPredicates;
        this.pairMask = pairKeys.length - 1;
    }

    /** The weights of {@code model}, built on first use and shared while the model lives. */
    static synchronized ModelWeights of(QNModel model, Map<String, Context> predicateMap) {
        if (lastModel.get() != model) {
            lastWeights = build(model.getNumOutcomes(), predicateMap);
            lastModel = new WeakReference<>(model);
        }
        return lastWeights;
    }

    /** Weights laid out from the model's predicate map (its iteration order numbers the predicates). */
    static ModelWeights build(int outcomes, Map<String, Context> predicateMap) {
        double[] weights = new double[predicateMap.size() * outcomes];
        Map<String, Integer> predicates = new HashMap<>(predicateMap.size() * 4 / 3 + 1);
        Map<String, Integer> pairWords = new HashMap<>();
        Map<Long, Integer> pairs = new HashMap<>();
        boolean pairsReadable = true;
        int p = 0;
        for (Map.Entry<String, Context> entry : predicateMap.entrySet()) {
            Context context = entry.getValue();
            int[] outcomeIndex = context.getOutcomes();
            double[] parameters = context.getParameters();
            boolean[] seen = new boolean[outcomes];
            for (int i = 0; i < outcomeIndex.length; i++) {
                if (seen[outcomeIndex[i]]) {
                    throw new IllegalArgumentException("an outcome twice in predicate " + entry.getKey());
                }
                seen[outcomeIndex[i]] = true;
                weights[p * outcomes + outcomeIndex[i]] = parameters[i];
            }
            String key = entry.getKey();
            predicates.put(key, p);
            if (key.startsWith(BIGRAM)) {
                int space = key.indexOf(' ', BIGRAM.length());
                if (space < 0 || key.indexOf(' ', space + 1) >= 0) {
                    pairsReadable = false; // not one word, a space and one word: only the string finds it
                } else {
                    int left = pairWords.computeIfAbsent(key.substring(BIGRAM.length(), space), w -> pairWords.size());
                    int right = pairWords.computeIfAbsent(key.substring(space + 1), w -> pairWords.size());
                    pairs.put(pairKey(left, right), p);
                }
            }
            p++;
        }
        if (!pairsReadable) {
            pairWords.clear();
            pairs.clear();
        }
        int capacity = Integer.highestOneBit(Math.max(2, pairs.size() * 2 - 1)) << 1;
        long[] pairKeys = new long[capacity];
        Arrays.fill(pairKeys, EMPTY);
        int[] pairPredicates = new int[capacity];
        for (Map.Entry<Long, Integer> pair : pairs.entrySet()) {
            int s = slot(pair.getKey(), capacity - 1);
            while (pairKeys[s] != EMPTY) {
                s = (s + 1) & (capacity - 1);
            }
            pairKeys[s] = pair.getKey();
            pairPredicates[s] = pair.getValue();
        }
        return new ModelWeights(outcomes, weights, predicates, pairWords, pairKeys, pairPredicates);
    }

    /** The number of {@code feature}'s predicate, or -1 when the model does not know it. */
    int predicate(String feature) {
        Integer p = predicates.get(feature);
        return p == null ? -1 : p;
    }

    /** The id of {@code word} in the model's bigrams, or -1 when no bigram the model knows has it. */
    int pairWord(String word) {
        Integer id = pairWords.get(word);
        return id == null ? -1 : id;
    }

    /** The predicate of the bigram of the words {@code previous} and {@code word} ({@link #pairWord} ids), or -1. */
    int bigram(int previous, int word) {
        if (previous < 0 || word < 0) {
            return -1;
        }
        long key = pairKey(previous, word);
        for (int s = slot(key, pairMask); ; s = (s + 1) & pairMask) {
            long k = pairKeys[s];
            if (k == key) {
                return pairPredicates[s];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    /** What {@code QNModel.eval} adds to {@code sums} for predicate {@code p} of value 1; nothing for -1. */
    void add(int p, double[] sums) {
        if (p < 0) {
            return;
        }
        int at = p * outcomes;
        for (int o = 0; o < outcomes; o++) {
            sums[o] += 1.0 * weights[at + o];
        }
    }

    private static long pairKey(int left, int right) {
        return ((long) left << 32) | right;
    }

    /** Fibonacci hashing: ids given in order would otherwise fill neighbouring slots. */
    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }
}

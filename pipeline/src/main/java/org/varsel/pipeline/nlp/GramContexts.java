package org.varsel.pipeline.nlp;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import opennlp.tools.ml.model.Context;

/**
 * The language detector's character 1- to 3-gram predicates keyed by their characters packed into one {@code long}
 * (the length and up to three UTF-16 units: exact, no two grams share a key), in an open-addressing table built once a
 * model. OpenNLP's map is keyed by {@code String}: a gram is cut out of the sample to be looked up, and 28 % of the
 * model's 146,000 grams share their full {@code String.hashCode} with another (for three characters it is
 * {@code 961 a + 31 b + c}), so a look-up compares strings along a chain or down a tree bin (issue 20's profile:
 * {@code HashMap$TreeNode.getTreeNode} under the detector).
 *
 * <p>A gram that weighs every one of the model's languages (97 % of the grams a text looks up, 99.5 % of the additions,
 * in 3,900 Davidson and DKHate samples) is added as a row in the languages' order ({@link #addWeights}), in one loop
 * the JIT turns into vector additions; OpenNLP's {@code ArrayMath.sumFeatures} adds one weight at a time through the
 * outcome numbers, and that was 3.5 % of the pipeline's samples (docs/performance.md, issue 20). The sums stay bit
 * for bit OpenNLP's: each language's sum gets the same weights in the same order.
 */
final class GramContexts {

    static final int MAX_GRAM = 3;
    private static final long EMPTY = 0L;

    private static WeakReference<Map<String, Context>> lastMap = new WeakReference<>(null);

    private static GramContexts lastContexts;

    private final long[] keys;
    private final Context[] contexts;
    private final int mask;

    private GramContexts(long[] keys, Context[] contexts) {
        this.keys = keys;
        this.contexts = contexts;
        this.mask = keys.length - 1;
    }

    /** The table of {@code predicates} (a model's predicate map), built on first use and shared while it lives. */
    static synchronized GramContexts of(Map<String, Context> predicates) {
        if (lastMap.get() != predicates) {
            lastContexts = build(predicates);
            lastMap = new WeakReference<>(predicates);
        }
        return lastContexts;
    }

    private static GramContexts build(Map<String, Context> predicates) {
        int grams = 0;
        for (String key : predicates.keySet()) {
            grams += key.length() >= 1 && key.length() <= MAX_GRAM ? 1 : 0;
        }
        int capacity = Integer.highestOneBit(Math.max(2, grams * 2 - 1)) << 1;
        int outcomes = outcomeCount(predicates);
        int[] allOutcomes = IntStream.range(0, outcomes).toArray();
        long[] keys = new long[capacity];
        Context[] contexts = new Context[capacity];
        for (Map.Entry<String, Context> entry : predicates.entrySet()) {
            String gram = entry.getKey();
            if (gram.length() < 1 || gram.length() > MAX_GRAM) {
                continue; // never looked up: the detector's grams are 1 to 3 characters long
            }
            long key = key(gram, 0, gram.length());
            int s = slot(key, capacity - 1);
            while (keys[s] != EMPTY) {
                s = (s + 1) & (capacity - 1);
            }
            keys[s] = key;
            contexts[s] = dense(entry.getValue(), allOutcomes);
        }
        return new GramContexts(keys, contexts);
    }

    /** The weights of the gram with packed {@code key}, or {@code null} when the model does not know it. */
    Context get(long key) {
        for (int s = slot(key, mask); ; s = (s + 1) & mask) {
            long k = keys[s];
            if (k == key) {
                return contexts[s];
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    /**
     * Adds the weights of {@code contexts} (in order, {@code null} for a gram the model does not know) to
     * {@code sums}, as {@code ArrayMath.sumFeatures(contexts, null, sums)} does, bit for bit.
     */
    static void addWeights(Context[] contexts, double[] sums) {
        for (Context c : contexts) {
            if (c == null) {
                continue;
            }
            double[] weights = c.getParameters();
            if (c instanceof DenseRow) {
                for (int o = 0; o < weights.length; o++) {
                    sums[o] += weights[o];
                }
            } else {
                int[] outcomes = c.getOutcomes();
                for (int i = 0; i < outcomes.length; i++) {
                    sums[outcomes[i]] += weights[i];
                }
            }
        }
    }

    /** The weights of a gram that weighs every outcome, in the outcomes' order. */
    static final class DenseRow extends Context {
        private DenseRow(int[] allOutcomes, double[] row) {
            super(allOutcomes, row);
        }
    }

    /** {@code context} as a row when it weighs every outcome once; else itself. */
    private static Context dense(Context context, int[] allOutcomes) {
        int[] outcomes = context.getOutcomes();
        if (outcomes.length != allOutcomes.length) {
            return context;
        }
        if (Arrays.equals(outcomes, allOutcomes)) {
            return new DenseRow(allOutcomes, context.getParameters());
        }
        double[] row = new double[allOutcomes.length];
        boolean[] seen = new boolean[allOutcomes.length];
        for (int i = 0; i < outcomes.length; i++) {
            if (seen[outcomes[i]]) {
                return context; // an outcome twice (and another missing): not a row
            }
            seen[outcomes[i]] = true;
            row[outcomes[i]] = context.getParameters()[i];
        }
        return new DenseRow(allOutcomes, row);
    }

    private static int outcomeCount(Map<String, Context> predicates) {
        int count = 0;
        for (Context c : predicates.values()) {
            for (int o : c.getOutcomes()) {
                count = Math.max(count, o + 1);
            }
        }
        return count;
    }

    /** The packed key of {@code text[from, to)}, 1 to {@link #MAX_GRAM} characters. */
    static long key(CharSequence text, int from, int to) {
        long key = (long) (to - from) << 48;
        for (int i = from; i < to; i++) {
            key |= (long) text.charAt(i) << (16 * (i - from));
        }
        return key;
    }

    /** MurmurHash3's 64-bit finaliser: packed keys differ in few bits, and often only in the high ones. */
    private static int slot(long key, int mask) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}

package org.varsel.pipeline.nlp;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * A maxent model's weights in one open-addressing table: the probabilities of OpenNLP's {@code QNModel.eval} (the
 * classifier) and {@code GISModel.eval} (the language detector), bit for bit, in fewer memory loads a feature. OpenNLP
 * keeps a model's predicates (the classifier's ~86,000) in a {@code LinkedHashMap} whose look-up walks a slot, a node,
 * the key and its bytes, the {@code Context} and its two arrays, each a cache miss on a table this size: that look-up
 * was a third of the classifier's CPU in the pipeline's profile (docs/performance.md, issue 20). Here one slot holds a
 * key's hash and where its characters and weights lie in flat arrays. Immutable and thread-safe.
 */
public final class MaxentScorer {

    /** Ints a slot: the key's hash, where its characters start and end in {@link #keys}, where its weights start. */
    private static final int SLOT = 4;

    /** The scorers built, by their model's identity (a model's own equals and hashCode walk all its weights). */
    private static final List<Built> BUILT = new ArrayList<>();

    private record Built(WeakReference<MaxentModel> model, Optional<MaxentScorer> scorer) {}

    private final int outcomeCount;
    private final int mask;
    private final int[] slots;
    private final char[] keys;
    /** From a predicate's start: how many outcomes it weighs, then their numbers; the weights at the same positions. */
    private final int[] outcomes;

    private final double[] weights;
    /**
     * GIS starts every outcome at the log of a uniform prior and normalises by the sum of exponentials; quasi-Newton
     * starts at 0 and subtracts the log-sum-exp.
     */
    private final boolean uniformPrior;

    private final double logPrior;

    private MaxentScorer(Map<String, Context> predicates, int outcomeCount, boolean uniformPrior) {
        this.outcomeCount = outcomeCount;
        this.uniformPrior = uniformPrior;
        this.logPrior = StrictMath.log(1.0 / outcomeCount);
        int capacity = Integer.highestOneBit(Math.max(2, predicates.size()) * 3 - 1) << 1;
        mask = capacity - 1;
        slots = new int[capacity * SLOT];
        keys = new char[predicates.keySet().stream().mapToInt(String::length).sum()];
        int weightCount = 1; // a slot whose weights start at 0 is empty
        for (Context c : predicates.values()) {
            weightCount += 1 + c.getOutcomes().length;
        }
        outcomes = new int[weightCount];
        weights = new double[weightCount];
        int keyEnd = 0;
        int weightEnd = 1;
        for (Map.Entry<String, Context> p : predicates.entrySet()) {
            String key = p.getKey();
            int hash = key.hashCode();
            int slot = spread(hash) & mask;
            while (slots[slot * SLOT + 3] != 0) {
                slot = (slot + 1) & mask;
            }
            key.getChars(0, key.length(), keys, keyEnd);
            slots[slot * SLOT] = hash;
            slots[slot * SLOT + 1] = keyEnd;
            slots[slot * SLOT + 2] = keyEnd + key.length();
            slots[slot * SLOT + 3] = weightEnd;
            keyEnd += key.length();
            int[] numbers = p.getValue().getOutcomes();
            outcomes[weightEnd] = numbers.length;
            System.arraycopy(numbers, 0, outcomes, weightEnd + 1, numbers.length);
            System.arraycopy(p.getValue().getParameters(), 0, weights, weightEnd + 1, numbers.length);
            weightEnd += 1 + numbers.length;
        }
    }

    /**
     * A scorer for {@code model} when it is a quasi-Newton model (what {@code ./varsel model train} writes) or a GIS
     * model with OpenNLP's uniform prior (the language detector); other models are left to their own {@code eval}. One
     * scorer per model, shared (the detector's is ~25 MB, and every task thread has its own identifier).
     */
    public static Optional<MaxentScorer> of(MaxentModel model) {
        synchronized (BUILT) {
            BUILT.removeIf(b -> b.model().get() == null);
            for (Built b : BUILT) {
                if (b.model().get() == model) {
                    return b.scorer();
                }
            }
            Optional<MaxentScorer> scorer = build(model);
            BUILT.add(new Built(new WeakReference<>(model), scorer));
            return scorer;
        }
    }

    /** The prior is not readable, so a GIS model must score no features as OpenNLP does. */
    @SuppressWarnings("unchecked")
    private static Optional<MaxentScorer> build(MaxentModel model) {
        if (!(model instanceof QNModel || model instanceof GISModel)) {
            return Optional.empty();
        }
        AbstractModel m = (AbstractModel) model;
        Map<String, Context> predicates = (Map<String, Context>) m.getDataStructures()[1];
        MaxentScorer scorer = new MaxentScorer(predicates, m.getNumOutcomes(), model instanceof GISModel);
        String[] none = {};
        return Arrays.equals(scorer.eval(none), model.eval(none)) ? Optional.of(scorer) : Optional.empty();
    }

    /**
     * The probability of each outcome given the features, as the model's {@code eval(features)} gives it: each known
     * feature's weights added per outcome in the features' order (a feature given twice counts twice), then the
     * model's normalisation, with OpenNLP's own arithmetic.
     */
    public double[] eval(String[] features) {
        double[] sums = new double[outcomeCount];
        if (uniformPrior) {
            Arrays.fill(sums, logPrior);
        }
        for (String feature : features) {
            int start = weightsOf(feature);
            if (start == 0) {
                continue;
            }
            int end = start + outcomes[start];
            for (int i = start + 1; i <= end; i++) {
                sums[outcomes[i]] += weights[i];
            }
        }
        if (uniformPrior) {
            double normal = 0.0;
            for (int o = 0; o < outcomeCount; o++) {
                sums[o] = StrictMath.exp(sums[o]);
                normal += sums[o];
            }
            for (int o = 0; o < outcomeCount; o++) {
                sums[o] /= normal;
            }
            return sums;
        }
        double logSum = ArrayMath.logSumOfExps(sums);
        for (int o = 0; o < outcomeCount; o++) {
            sums[o] = StrictMath.exp(sums[o] - logSum);
        }
        return sums;
    }

    /** Where the feature's weights start, or 0 when the model does not know it. */
    private int weightsOf(String feature) {
        int hash = feature.hashCode();
        int slot = spread(hash) & mask;
        while (true) {
            int at = slot * SLOT;
            int start = slots[at + 3];
            if (start == 0) {
                return 0;
            }
            if (slots[at] == hash && sameKey(feature, slots[at + 1], slots[at + 2])) {
                return start;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean sameKey(String feature, int from, int to) {
        if (to - from != feature.length()) {
            return false;
        }
        for (int i = 0; i < feature.length(); i++) {
            if (keys[from + i] != feature.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** String hashes of short features differ mostly in their low bits: mix the high ones in (as HashMap does, more). */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

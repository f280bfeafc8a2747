package org.varsel.pipeline.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;

/**
 * The classifier's maxent (quasi-Newton) model scored straight from {@link HarmFeatures}, with the weights of a word's
 * own features remembered per word: its {@code w=}, its character grams and its compound parts are looked up in the
 * model's predicate map (~86,000 entries) once, not on every post that uses the word; only the bigram with the word
 * before it is looked up each time. The weights are added in the order OpenNLP's {@code QNModel.eval} adds them
 * (features in {@link HarmFeatures}' order, a feature the model does not know adds nothing) and normalised as it does,
 * so the probabilities are bit-identical to {@code DocumentCategorizerME.categorize}. Not thread-safe: one per
 * classifier.
 */
final class WordWeights implements HarmFeatures.FeatureSink {

    /** Words remembered before the memory starts over (a few MB: a word, its weights' references, its classes). */
    static final int MAX_WORDS = 50_000;

    private final HarmFeatures features;
    private final Map<String, Context> predicates;
    private final int outcomes;
    private final Map<String, Word> words = new HashMap<>();
    private final List<String> wordFeatures = new ArrayList<>();
    private double[] sums;

    /** A word's own features that the model knows, in extraction order around the bigram, and its lexicon classes. */
    private record Word(Context unigram, Context[] after, int classes) {}

    private WordWeights(HarmFeatures features, Map<String, Context> predicates, int outcomes) {
        this.features = features;
        this.predicates = predicates;
        this.outcomes = outcomes;
    }

    /**
     * Weights for {@code model} when it is a quasi-Newton maxent model over {@link HarmFeatures} alone (the models
     * {@code ./varsel model train} writes); empty for any other model, which OpenNLP's categoriser then scores.
     */
    @SuppressWarnings("unchecked")
    static Optional<WordWeights> of(DoccatModel model) {
        FeatureGenerator[] generators = model.getFactory().getFeatureGenerators();
        if (!(model.getMaxentModel() instanceof QNModel qn)
                || generators.length != 1
                || !(generators[0] instanceof HarmFeatures harm)) {
            return Optional.empty();
        }
        Object predicates = qn.getDataStructures()[1];
        if (!(predicates instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        return Optional.of(new WordWeights(harm, (Map<String, Context>) predicates, qn.getNumOutcomes()));
    }

    /** The model's probabilities for normalised {@code tokens}, in the model's outcome order. */
    double[] probabilities(String[] tokens) {
        double[] probabilities = new double[outcomes];
        sums = probabilities;
        features.extract(tokens, this);
        sums = null;
        double logSumExp = ArrayMath.logSumOfExps(probabilities);
        for (int o = 0; o < probabilities.length; o++) {
            probabilities[o] = StrictMath.exp(probabilities[o] - logSumExp);
        }
        return probabilities;
    }

    @Override
    public int word(String word, String previous) {
        Word w = words.get(word);
        if (w == null) {
            w = remember(word);
        }
        add(w.unigram());
        if (previous != null) {
            add(predicates.get(HarmFeatures.bigram(previous, word)));
        }
        for (Context c : w.after()) {
            add(c);
        }
        return w.classes();
    }

    @Override
    public int joined(String joined) {
        add(predicates.get("w=" + joined));
        return features.classes(joined);
    }

    @Override
    public void feature(String feature) {
        add(predicates.get(feature));
    }

    int rememberedWords() {
        return words.size();
    }

    private Word remember(String word) {
        wordFeatures.clear();
        int classes = features.wordFeatures(word, wordFeatures);
        List<Context> known = new ArrayList<>(wordFeatures.size());
        for (String feature : wordFeatures) {
            Context c = predicates.get(feature);
            if (c != null) {
                known.add(c);
            }
        }
        Word w = new Word(predicates.get("w=" + word), known.toArray(Context[]::new), classes);
        if (words.size() >= MAX_WORDS) {
            words.clear();
        }
        words.put(word, w);
        return w;
    }

    /** What {@code QNModel.eval} does for one feature of value 1. */
    private void add(Context weights) {
        if (weights == null) {
            return;
        }
        double[] parameters = weights.getParameters();
        int[] outcomeIndex = weights.getOutcomes();
        for (int i = 0; i < outcomeIndex.length; i++) {
            sums[outcomeIndex[i]] += 1.0 * parameters[i];
        }
    }
}

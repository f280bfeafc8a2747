package org.varsel.pipeline.classify;

import java.util.ArrayList;
import java.util.Arrays;
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
 * before it is looked up each time, by the two words' ids when both are remembered ({@link ModelWeights}: no string
 * {@code "b=previous word"} to build and hash), and the weights are read from one flat array. The weights are added in the order OpenNLP's {@code QNModel.eval} adds them
 * (features in {@link HarmFeatures}' order, a feature the model does not know adds nothing) and normalised as it does,
 * so the probabilities are bit-identical to {@code DocumentCategorizerME.categorize}. Not thread-safe: one per
 * classifier.
 */
final class WordWeights implements HarmFeatures.FeatureSink {

    /** Words remembered before the memory starts over (a few MB: a word, its predicates' numbers, its classes). */
    static final int MAX_WORDS = 50_000;

    private final HarmFeatures features;
    private final ModelWeights model;
    private final Map<String, Word> words = new HashMap<>();
    private final List<String> wordFeatures = new ArrayList<>();
    private double[] sums;
    /** The word before the current one in this post (as {@link #word} was given it) and what is remembered of it. */
    private String lastWord;

    private Word last;

    /**
     * A word's own features that the model knows, as predicate numbers in extraction order: its {@code w=} first when
     * {@code unigram}, then (after the bigram) its character grams and compound parts; its id in the model's bigrams,
     * and its lexicon classes.
     */
    private record Word(int[] predicates, boolean unigram, int pairId, int classes) {}

    private WordWeights(HarmFeatures features, ModelWeights model) {
        this.features = features;
        this.model = model;
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
        return Optional.of(new WordWeights(harm, ModelWeights.of(qn, (Map<String, Context>) predicates)));
    }

    /** The model's probabilities for normalised {@code tokens}, in the model's outcome order. */
    double[] probabilities(String[] tokens) {
        double[] probabilities = new double[model.outcomes];
        sums = probabilities;
        lastWord = null;
        last = null;
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
        int[] predicates = w.predicates();
        int first = 0;
        if (w.unigram()) {
            model.add(predicates[0], sums);
            first = 1;
        }
        if (previous != null) {
            // the bigram of two remembered words by their ids; of anything else by its string
            model.add(
                    previous == lastWord
                            ? model.bigram(last.pairId(), w.pairId())
                            : model.predicate(HarmFeatures.bigram(previous, word)),
                    sums);
        }
        for (int i = first; i < predicates.length; i++) {
            model.add(predicates[i], sums);
        }
        lastWord = word;
        last = w;
        return w.classes();
    }

    @Override
    public int joined(String joined) {
        model.add(model.predicate("w=" + joined), sums);
        return features.classes(joined);
    }

    @Override
    public void feature(String feature) {
        model.add(model.predicate(feature), sums);
    }

    int rememberedWords() {
        return words.size();
    }

    private Word remember(String word) {
        wordFeatures.clear();
        wordFeatures.add("w=" + word);
        int classes = features.wordFeatures(word, wordFeatures);
        int[] known = new int[wordFeatures.size()];
        int n = 0;
        for (String feature : wordFeatures) {
            int p = model.predicate(feature);
            if (p >= 0) {
                known[n++] = p;
            }
        }
        boolean unigram = n > 0 && known[0] == model.predicate(wordFeatures.get(0));
        Word w = new Word(Arrays.copyOf(known, n), unigram, model.pairWord(word), classes);
        if (words.size() >= MAX_WORDS) {
            words.clear();
        }
        words.put(word, w);
        return w;
    }
}

package org.varsel.pipeline.classify;

import java.util.Objects;
import java.util.Optional;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.FeatureGenerator;
import org.varsel.pipeline.nlp.ModelResources;
import org.varsel.pipeline.nlp.TextNormaliser;

/**
 * Classifies a text as a threat, hateful, offensive or neutral with an OpenNLP maxent document categoriser over
 * the {@link HarmFeatures} of the {@link TextNormaliser normalised} text. Not thread-safe: one per thread.
 */
public final class HarmClassifier {

    /** The model shipped in the pipeline jar, rebuilt by {@code ./varsel model train}. */
    public static final String BUNDLED_MODEL = "/models/varsel-doccat.bin";
    /** Manifest entry holding the model version, {@code doccat-<hash of data, options and code>}. */
    public static final String VERSION_PROPERTY = "varsel.model.version";
    /** Manifest entry holding the {@link TextNormaliser#VERSION} the model was trained with. */
    public static final String NORMALISER_PROPERTY = "varsel.normaliser.version";
    /** Manifest entry holding the {@link HarmFeatures#VERSION} the model was trained with. */
    public static final String FEATURES_PROPERTY = "varsel.features.version";

    /**
     * Hateful and threat together must reach this for either to be the category; below it, the text is offensive or
     * neutral, whichever is likelier. The model over-reads group words (HateXplain's hateful posts name groups far more
     * often than its others): on the functional suite's dev split, plain argmax called a fifth of counter-speech and
     * neutral group mentions hateful at scores of 0.40-0.60, and on HateXplain validation posts scored 0.5-0.6 are
     * hateful only about half the time (docs/nlp.md, calibration).
     */
    public static final double HARM_THRESHOLD = 0.6;

    private final DocumentCategorizerME categorizer;
    /** The same probabilities as the categoriser, with a word's own weights remembered; empty for other models. */
    private final Optional<WordWeights> weights;

    private final String version;
    private final double harmThreshold;
    private final int[] index = new int[Category.values().length];

    public HarmClassifier(DoccatModel model) {
        this(model, HARM_THRESHOLD);
    }

    /** A classifier that calls a text a threat or hateful from {@code harmThreshold} on (to measure other thresholds). */
    public HarmClassifier(DoccatModel model, double harmThreshold) {
        Objects.requireNonNull(model, "model");
        this.harmThreshold = harmThreshold;
        String normaliser = model.getManifestProperty(NORMALISER_PROPERTY);
        if (!String.valueOf(TextNormaliser.VERSION).equals(normaliser)) {
            throw new IllegalArgumentException(
                    "model was trained with normaliser version " + normaliser + ", this code normalises with version "
                            + TextNormaliser.VERSION + ": retrain with ./varsel model train");
        }
        String features = model.getManifestProperty(FEATURES_PROPERTY);
        String computed = featuresVersion(model);
        if (!computed.equals(features)) {
            throw new IllegalArgumentException("model was trained on features " + features
                    + ", this code computes features " + computed + ": retrain with ./varsel model train");
        }
        this.categorizer = new DocumentCategorizerME(model);
        this.weights = WordWeights.of(model);
        for (Category c : Category.values()) {
            index[c.ordinal()] = categorizer.getIndex(c.label());
            if (index[c.ordinal()] < 0) {
                throw new IllegalArgumentException("model has no category " + c.label());
            }
        }
        String v = model.getManifestProperty(VERSION_PROPERTY);
        this.version = v == null ? "doccat-unversioned" : v;
    }

    /** The version of the features this code computes for {@code model}: those of the generator class it names. */
    static String featuresVersion(DoccatModel model) {
        FeatureGenerator[] generators = model.getFactory().getFeatureGenerators();
        return generators.length == 1 && generators[0] instanceof HarmFeatures harm
                ? harm.version()
                : HarmFeatures.VERSION;
    }

    /** A classifier over the bundled model; the model itself is loaded once per JVM and shared. */
    public static HarmClassifier bundled() {
        return new HarmClassifier(ModelResources.load(BUNDLED_MODEL, DoccatModel::new));
    }

    public String modelVersion() {
        return version;
    }

    /** The probabilities as OpenNLP's categoriser computes them (the reference {@link WordWeights} must equal). */
    double[] categorizerProbabilities(String[] tokens) {
        return categorizer.categorize(tokens);
    }

    /** The probabilities this classifier uses, in the model's outcome order. */
    double[] probabilities(String[] tokens) {
        return weights.isPresent() ? weights.get().probabilities(tokens) : categorizer.categorize(tokens);
    }

    boolean remembersWordWeights() {
        return weights.isPresent();
    }

    public Classification classify(String text) {
        return classifyTokens(TextNormaliser.tokens(text));
    }

    /** Classifies already normalised tokens; no tokens at all is neutral by definition. */
    public Classification classifyTokens(String[] tokens) {
        if (tokens.length == 0) {
            return new Classification(Category.NEUTRAL, 0.0, 0.0, 0.0, 1.0);
        }
        double[] p = probabilities(tokens);
        double threat = p[index[Category.THREAT.ordinal()]];
        double hateful = p[index[Category.HATEFUL.ordinal()]];
        double offensive = p[index[Category.OFFENSIVE.ordinal()]];
        double neutral = p[index[Category.NEUTRAL.ordinal()]];
        // ties go to the graver category
        Category top;
        if (threat + hateful >= harmThreshold) {
            top = threat >= hateful ? Category.THREAT : Category.HATEFUL;
        } else {
            top = offensive > neutral ? Category.OFFENSIVE : Category.NEUTRAL;
        }
        return new Classification(top, threat, hateful, offensive, neutral);
    }
}

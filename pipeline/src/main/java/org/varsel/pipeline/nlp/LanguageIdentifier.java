package org.varsel.pipeline.nlp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.UniformPrior;

/**
 * Identifies the language of a signal text with OpenNLP's 103-language detector, or answers {@code und}.
 *
 * <p>Scores spread over 103 languages, so the decision compares the top language with its runner-up
 * instead of using an absolute threshold. Close relatives the detector cannot separate on a short text
 * (Danish and Norwegian Bokmål, German and Low German, ...) do not count as the runner-up: the top
 * language must beat the best language outside its family. Detection runs on a bounded prefix without
 * URLs, mentions and hashtags, because its cost grows with length. Not thread-safe: one instance per thread.
 *
 * <p>What it does not know it says by script: a text in a script none of the model's languages is written in
 * (Myanmar, Ethiopic, Khmer, Lao, ...) is {@code und-Mymr}, {@code und-Ethi}, ... without asking the model, and an
 * undetermined text in another script than Latin is {@code und-Arab}, {@code und-Hani}, ..., so that rules written
 * for the script still run.
 */
public final class LanguageIdentifier {

    /** Characters of cleaned text the detector sees; longer posts rarely change language mid-way. */
    public static final int DEFAULT_SAMPLE_CHARS = 128;
    /** Below this many letters the detector guesses (a handle, "ok", "lol"): answer {@code und}. */
    public static final int DEFAULT_MIN_LETTERS = 12;
    /** The top score must be this many times the best score outside its language family. */
    public static final double DEFAULT_MIN_RATIO = 1.25;

    private static final Map<String, String> FAMILY = buildFamilies();

    private final GISModel model;
    private final UniformPrior prior = new UniformPrior();
    private final int[] tagOfOutcome;
    private final String[] tags;
    private final int[] familyOfTag;
    private final double[] tagScores;
    private final CharacterGrams grams;
    private final DominantScript scripts = new DominantScript();
    private final int sampleChars;
    private final int minLetters;
    private final double minRatio;

    public LanguageIdentifier() {
        this(DEFAULT_SAMPLE_CHARS, DEFAULT_MIN_LETTERS, DEFAULT_MIN_RATIO);
    }

    public LanguageIdentifier(int sampleChars, int minLetters, double minRatio) {
        if (sampleChars < 1 || minLetters < 1 || minRatio < 1.0) {
            throw new IllegalArgumentException("need sampleChars >= 1, minLetters >= 1, minRatio >= 1");
        }
        if (!(ModelResources.load(ModelResources.LANGUAGE_DETECTOR, LanguageDetectorModel::new)
                        .getMaxentModel()
                instanceof GISModel gis)) {
            throw new IllegalStateException("the language detector is not a GIS maxent model");
        }
        this.model = gis;
        this.grams = new CharacterGrams(GramContexts.of(predicates(gis)));
        prior.setLabels(outcomeNames(gis), null);
        Map<String, Integer> tagIndex = new LinkedHashMap<>();
        this.tagOfOutcome = new int[model.getNumOutcomes()];
        for (int o = 0; o < tagOfOutcome.length; o++) {
            String code = model.getOutcome(o);
            String tag = LanguageTags.primary(code).orElse(code);
            tagOfOutcome[o] = tagIndex.computeIfAbsent(tag, t -> tagIndex.size());
        }
        this.tags = tagIndex.keySet().toArray(String[]::new);
        Map<String, Integer> familyIndex = new LinkedHashMap<>();
        this.familyOfTag = new int[tags.length];
        for (int t = 0; t < tags.length; t++) {
            familyOfTag[t] =
                    familyIndex.computeIfAbsent(FAMILY.getOrDefault(tags[t], tags[t]), f -> familyIndex.size());
        }
        this.tagScores = new double[tags.length];
        this.sampleChars = sampleChars;
        this.minLetters = minLetters;
        this.minRatio = minRatio;
    }

    /** The language of {@code text}; a well-formed hint is trusted and skips detection. */
    public LanguageGuess identify(String text, Optional<String> trustedHint) {
        Optional<String> hinted = trustedHint.flatMap(LanguageTags::primary);
        if (hinted.isPresent()) {
            return new LanguageGuess(hinted.get(), 1.0);
        }
        return detect(text);
    }

    /** The detected language of {@code text}, or {@code und}. */
    public LanguageGuess detect(String text) {
        if (text == null) {
            return LanguageGuess.UNDETERMINED;
        }
        DetectionSample sample = DetectionSample.of(text, sampleChars);
        Optional<String> script = scripts.of(sample.text()).filter(s -> !s.equals("Latn"));
        if (script.isPresent() && !DominantScript.detectorKnows(script.get())) {
            return LanguageGuess.ofScript(script.get());
        }
        LanguageGuess guess = detectLanguage(sample);
        return guess.isDetermined()
                ? guess
                : script.map(LanguageGuess::ofScript).orElse(guess);
    }

    private LanguageGuess detectLanguage(DetectionSample sample) {
        if (sample.letters() < minLetters) {
            return LanguageGuess.UNDETERMINED;
        }
        double[] outcomes = scores(sample.text());
        Arrays.fill(tagScores, 0.0);
        for (int o = 0; o < outcomes.length; o++) {
            // Macrolanguage and individual language (est/ekk, lav/lvs) are separate outcomes trained on similar
            // text: their sum would let either beat a language that has one outcome, so take the larger.
            tagScores[tagOfOutcome[o]] = Math.max(tagScores[tagOfOutcome[o]], outcomes[o]);
        }
        int top = 0;
        for (int t = 1; t < tagScores.length; t++) {
            if (tagScores[t] > tagScores[top]) {
                top = t;
            }
        }
        double competitor = 0;
        for (int t = 0; t < tagScores.length; t++) {
            if (familyOfTag[t] != familyOfTag[top]) {
                competitor = Math.max(competitor, tagScores[t]);
            }
        }
        double topScore = tagScores[top];
        if (topScore <= 0 || topScore < competitor * minRatio) {
            return LanguageGuess.UNDETERMINED;
        }
        return new LanguageGuess(tags[top], Math.min(1.0, Math.max(0.0, 1.0 - competitor / topScore)));
    }

    /**
     * The model's probabilities for a cleaned sample: what {@code GISModel.eval} gives for the distinct character 1- to
     * 3-grams of the sample (the features OpenNLP's default context generator produces, without its regular-expression
     * normalisers and n-gram model objects), bit for bit, the grams taken in the order the detector always took them
     * ({@link CharacterGrams}) and looked up without a string each ({@link GramContexts}), a common gram's weights added
     * as one dense row.
     */
    double[] scores(String sample) {
        Context[] contexts = grams.of(sample);
        double[] sums = new double[model.getNumOutcomes()];
        prior.logPrior(sums, contexts, null);
        GramContexts.addWeights(contexts, sums);
        double normal = 0.0;
        for (int o = 0; o < sums.length; o++) {
            sums[o] = StrictMath.exp(sums[o]);
            normal += sums[o];
        }
        for (int o = 0; o < sums.length; o++) {
            sums[o] /= normal;
        }
        return sums;
    }

    /** The detector's model, for tests that compare with OpenNLP's own evaluation. */
    GISModel model() {
        return model;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Context> predicates(GISModel model) {
        return (Map<String, Context>) model.getDataStructures()[1];
    }

    private static String[] outcomeNames(GISModel model) {
        return (String[]) model.getDataStructures()[2];
    }

    private static Map<String, String> buildFamilies() {
        String[][] families = {
            {"da", "nb", "nn"},
            {"de", "nds", "gsw", "lb"},
            {"nl", "af", "li", "fy"},
            {"ms", "id", "min", "jv", "su"},
            {"hr", "sr", "bs"},
            {"cs", "sk"},
            {"es", "ast", "gl"},
            {"fa", "tg"},
            {"hi", "ur"},
            {"pa", "pnb"},
            {"zh", "nan"},
        };
        Map<String, String> map = new LinkedHashMap<>();
        for (String[] f : families) {
            for (String tag : f) {
                map.put(tag, f[0]);
            }
        }
        return Map.copyOf(map);
    }
}

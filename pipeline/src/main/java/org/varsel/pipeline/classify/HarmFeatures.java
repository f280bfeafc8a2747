package org.varsel.pipeline.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The classifier's features over {@link org.varsel.pipeline.nlp.TextNormaliser normalised} tokens, in one pass:
 * words and word bigrams after {@link ObfuscationFolding folding and repair} (look-alikes, swapped or dropped letters,
 * words run together), the {@link CompoundWords parts} of compounds, character 4-grams of longer words (a misspelt or
 * inflected word still shares most of them), letters spaced out ("k i l l") joined back, and which
 * {@link HarmLexicon} classes the post contains and combines — a violent word near a group word, a call to act with
 * a time or place — which generalise to threats phrased unlike any training post. OpenNLP instantiates it by class
 * name when it loads a model, hence public with a no-argument constructor; {@link TargetedHarmFeatures} adds the
 * {@link TargetFeatures target features} for a model trained with them ({@code model train --target-features}),
 * {@link ReportedHarmFeatures} the {@link ReportedViolenceFeatures reported-violence features} and
 * {@link WordNetHarmFeatures} the WordNet harm words ({@code model train --features harm-features-5|6}), and
 * {@link AimedReportHarmFeatures} the target features with the reported-violence features of a post whose violence is
 * aimed at no group and no one intended ({@code harm-features-7}; {@link UnaimedReportHarmFeatures} the same without
 * the target features themselves, {@code harm-features-8}).
 */
public class HarmFeatures implements FeatureGenerator {

    /**
     * Part of the model version and of its manifest ({@link HarmClassifier#FEATURES_PROPERTY}): bump when the features
     * or the obfuscation repair they read change, or the model is fed features it was not trained on.
     */
    public static final String VERSION = "harm-features-3";
    /**
     * These features and the {@link TargetFeatures target features} ({@link TargetedHarmFeatures}): only added
     * features, so a model of {@link #VERSION} is scored as before by the class it names.
     */
    public static final String TARGETED_VERSION = "harm-features-4";
    /**
     * {@link #VERSION}'s features and the {@link ReportedViolenceFeatures reported-violence features}
     * ({@link ReportedHarmFeatures}): only added features, as {@link #TARGETED_VERSION}.
     */
    public static final String REPORTED_VERSION = "harm-features-5";
    /**
     * {@link #VERSION}'s features with the WordNet harm words ({@link HarmLexicon#WORDNET_RESOURCE}) read as violence and
     * weapons ({@link WordNetHarmFeatures}): more tokens have a class, so the class features fire on more posts.
     */
    public static final String WORDNET_VERSION = "harm-features-6";
    /**
     * {@link #TARGETED_VERSION}'s features and {@link #REPORTED_VERSION}'s, the latter only when no violence in the post
     * is aimed at a group and no intent at a person or group ({@link AimedReportHarmFeatures}): a threat or an
     * accusation that cites violence still aims it, and a report should not discount it.
     */
    public static final String AIMED_REPORT_VERSION = "harm-features-7";
    /**
     * {@link #REPORTED_VERSION}'s features where {@link #AIMED_REPORT_VERSION} gives them, without the target features
     * themselves ({@link UnaimedReportHarmFeatures}): the target words only decide whether violence is aimed.
     */
    public static final String UNAIMED_REPORT_VERSION = "harm-features-8";

    static final int CHAR_GRAM = 4;
    /** Words this long or longer also give character n-grams; shorter ones are covered by the word itself. */
    static final int CHAR_GRAM_MIN_WORD = 5;
    /** How many tokens apart two lexicon words may be and still count as "near". */
    static final int NEAR = 5;

    private static final int SPACED_MIN_LETTERS = 3;

    /** Pairs of word classes that, near each other, mark a threat or dehumanisation (or counter-speech about one). */
    private static final WordClass[][] NEAR_PAIRS = {
        {WordClass.VIOLENCE, WordClass.GROUP},
        {WordClass.VIOLENCE, WordClass.THEY},
        {WordClass.WEAPON, WordClass.GROUP},
        {WordClass.DEHUMANISE, WordClass.GROUP},
        {WordClass.DEHUMANISE, WordClass.THEY},
        {WordClass.CALL, WordClass.VIOLENCE},
        {WordClass.CALL, WordClass.WEAPON},
        {WordClass.COUNTER, WordClass.VIOLENCE},
        {WordClass.COUNTER, WordClass.DEHUMANISE},
        {WordClass.INSULT, WordClass.GROUP}
    };

    private static final String[] CLASS_FEATURES = new String[WordClass.values().length];
    private static final String[] NEAR_FEATURES = new String[NEAR_PAIRS.length];

    static {
        for (WordClass c : WordClass.values()) {
            CLASS_FEATURES[c.ordinal()] = "l=" + c.name().toLowerCase(Locale.ROOT);
        }
        for (int p = 0; p < NEAR_PAIRS.length; p++) {
            NEAR_FEATURES[p] = CLASS_FEATURES[NEAR_PAIRS[p][0].ordinal()] + "~"
                    + NEAR_PAIRS[p][1].name().toLowerCase(Locale.ROOT);
        }
    }

    /** Takes features and passes none on: where the target features only decide, not reach the model. */
    private static final FeatureSink NO_FEATURES = new FeatureSink() {
        @Override
        public int word(String word, String previous) {
            return 0;
        }

        @Override
        public int joined(String joined) {
            return 0;
        }

        @Override
        public void feature(String feature) {}
    };

    private final HarmLexicon lexicon = HarmLexicon.bundled();
    private final ObfuscationFolding folding = ObfuscationFolding.bundled();
    private final CompoundWords compounds = CompoundWords.bundled();
    private final String version;
    /** The lexicons read beside {@link #lexicon} in this version (none in {@link #VERSION}). */
    private final List<HarmLexicon> extra;

    private final boolean withTargets;
    private final boolean withReported;
    /** Whether the target features reach the model, or only decide whether a report is read ({@link #UNAIMED_REPORT_VERSION}). */
    private final boolean emitsTargets;

    /** The features of {@link #VERSION}; OpenNLP instantiates the class a model names with this constructor. */
    public HarmFeatures() {
        this(VERSION);
    }

    HarmFeatures(String version) {
        this.version = version;
        boolean aimedReport = version.equals(AIMED_REPORT_VERSION) || version.equals(UNAIMED_REPORT_VERSION);
        this.withTargets = version.equals(TARGETED_VERSION) || aimedReport;
        this.withReported = version.equals(REPORTED_VERSION) || aimedReport;
        this.emitsTargets = !version.equals(UNAIMED_REPORT_VERSION);
        this.extra =
                extraResources(version).stream().map(HarmLexicon::ofResource).toList();
    }

    /** The generator of {@code version}'s features, as {@code model train --features} names it. */
    public static HarmFeatures ofVersion(String version) {
        return switch (version) {
            case VERSION -> new HarmFeatures();
            case TARGETED_VERSION -> new TargetedHarmFeatures();
            case REPORTED_VERSION -> new ReportedHarmFeatures();
            case WORDNET_VERSION -> new WordNetHarmFeatures();
            case AIMED_REPORT_VERSION -> new AimedReportHarmFeatures();
            case UNAIMED_REPORT_VERSION -> new UnaimedReportHarmFeatures();
            default ->
                throw new IllegalArgumentException("no harm features " + version + "; one of " + VERSION + ", "
                        + TARGETED_VERSION + ", " + REPORTED_VERSION + ", " + WORDNET_VERSION + ", "
                        + AIMED_REPORT_VERSION + ", " + UNAIMED_REPORT_VERSION);
        };
    }

    /** The version of the features this generator computes ({@link HarmClassifier#FEATURES_PROPERTY}). */
    public String version() {
        return version;
    }

    /** The lexicon resources this version reads beside {@link HarmLexicon#RESOURCE}, in order: in the model's version. */
    List<String> extraResources() {
        return extraResources(version);
    }

    private static List<String> extraResources(String version) {
        return switch (version) {
            case VERSION -> List.of();
            case TARGETED_VERSION -> List.of(HarmLexicon.TARGETS_RESOURCE);
            case REPORTED_VERSION -> List.of(HarmLexicon.REPORTED_RESOURCE);
            case WORDNET_VERSION -> List.of(HarmLexicon.WORDNET_RESOURCE);
            case AIMED_REPORT_VERSION, UNAIMED_REPORT_VERSION ->
                List.of(HarmLexicon.TARGETS_RESOURCE, HarmLexicon.REPORTED_RESOURCE);
            default -> throw new IllegalArgumentException("no harm features " + version);
        };
    }

    @Override
    public Collection<String> extractFeatures(String[] normalised, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>(normalised.length * 5);
        extract(normalised, new FeatureStrings(features));
        return features;
    }

    /**
     * Where {@link #extract} puts a text's features, in order. The classifier either collects them as strings (for
     * OpenNLP, at training) or adds their weights as it goes ({@link WordWeights}); both see the same features in the
     * same order.
     */
    interface FeatureSink {
        /**
         * The features of one plain word after {@code previous} ({@code null} at the start), in this order:
         * {@code w=word}, {@code b=previous word}, its character grams ({@link #wordFeatures}), the {@code w=} of its
         * compound parts; returns the {@link HarmLexicon} classes of the word and its parts.
         */
        int word(String word, String previous);

        /** The feature {@code w=joined} of letters spaced out and joined back; returns the word's classes. */
        int joined(String joined);

        /** A feature of the whole text (lexicon classes and their combinations). */
        void feature(String feature);
    }

    /** Runs the feature extraction over {@code normalised} tokens into {@code sink}. */
    void extract(String[] normalised, FeatureSink sink) {
        String[] tokens = plainWords(normalised);
        boolean byToken = withTargets || withReported;
        int[] tokenClasses = byToken ? new int[tokens.length] : null;
        int[] lastSeen = new int[WordClass.values().length];
        Arrays.fill(lastSeen, Integer.MIN_VALUE / 2);
        int documentClasses = 0;
        int nearPairs = 0;
        String previous = null;
        StringBuilder spaced = new StringBuilder();
        for (int i = 0; i <= tokens.length; i++) {
            String word = i < tokens.length ? tokens[i] : "";
            if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
                spaced.append(word);
            } else {
                if (spaced.length() >= SPACED_MIN_LETTERS) {
                    int classes = sink.joined(spaced.toString());
                    if (byToken) {
                        tokenClasses[i - 1] |= classes;
                    }
                    documentClasses |= classes;
                    nearPairs |= near(classes, i, lastSeen);
                }
                spaced.setLength(0);
            }
            if (i == tokens.length) {
                break;
            }
            int classes = sink.word(word, previous);
            if (byToken) {
                tokenClasses[i] = classes;
            }
            previous = word;
            documentClasses |= classes;
            nearPairs |= near(classes, i, lastSeen);
        }
        for (WordClass c : WordClass.values()) {
            if ((documentClasses & c.bit()) != 0) {
                sink.feature(CLASS_FEATURES[c.ordinal()]);
            }
        }
        for (int p = 0; p < NEAR_PAIRS.length; p++) {
            if ((nearPairs & (1 << p)) != 0) {
                sink.feature(NEAR_FEATURES[p]);
            }
        }
        int harm = documentClasses & (WordClass.VIOLENCE.bit() | WordClass.WEAPON.bit());
        int when = documentClasses & (WordClass.TIME.bit() | WordClass.PLACE.bit());
        if (harm != 0 && when != 0) {
            sink.feature("l=harm+when");
            if ((documentClasses & WordClass.GROUP.bit()) != 0) {
                sink.feature("l=harm+when+group");
            }
        }
        boolean aimed = withTargets
                && TargetFeatures.add(tokenClasses, tokens.length, documentClasses, emitsTargets ? sink : NO_FEATURES);
        if (withReported && !aimed) {
            ReportedViolenceFeatures.add(tokenClasses, tokens.length, documentClasses, sink);
        }
    }

    /**
     * The features of {@code word} that do not depend on its neighbours, after its {@code w=} (which comes first, then
     * the bigram): the character grams of a long word, then the {@code w=} of its compound parts. Returns the lexicon
     * classes of the word and its parts.
     */
    int wordFeatures(String word, List<String> features) {
        if (word.length() >= CHAR_GRAM_MIN_WORD && word.charAt(0) != '<') {
            addCharGrams(word, features);
        }
        int classes = classes(word);
        if (word.length() >= CompoundWords.MIN_WORD) {
            for (String part : compounds.parts(word)) {
                features.add("w=" + part);
                classes |= classes(part);
            }
        }
        return classes;
    }

    /** The classes of a word joined back from spaced letters. */
    int classes(String word) {
        int classes = lexicon.classes(word);
        for (HarmLexicon more : extra) {
            classes |= more.classes(word);
        }
        return classes;
    }

    static String bigram(String previous, String word) {
        return "b=" + previous + ' ' + word;
    }

    /** The features as strings, for OpenNLP's categoriser and trainer. */
    private final class FeatureStrings implements FeatureSink {
        private final List<String> features;

        FeatureStrings(List<String> features) {
            this.features = features;
        }

        @Override
        public int word(String word, String previous) {
            features.add("w=" + word);
            if (previous != null) {
                features.add(bigram(previous, word));
            }
            return wordFeatures(word, features);
        }

        @Override
        public int joined(String joined) {
            features.add("w=" + joined);
            return classes(joined);
        }

        @Override
        public void feature(String feature) {
            features.add(feature);
        }
    }

    /** The tokens folded, and repaired where an evader swapped, dropped or ran letters together. */
    private String[] plainWords(String[] tokens) {
        List<String> words = null;
        for (int i = 0; i < tokens.length; i++) {
            String word = LookAlikeLetters.fold(tokens[i]);
            List<String> repaired = folding.repair(word);
            if (words == null && (word != tokens[i] || !repaired.isEmpty())) {
                words = new ArrayList<>(Arrays.asList(tokens).subList(0, i));
            }
            if (words != null) {
                if (repaired.isEmpty()) {
                    words.add(word);
                } else {
                    words.addAll(repaired);
                }
            }
        }
        return words == null ? tokens : words.toArray(String[]::new);
    }

    /** Records where {@code classes} were seen and returns the bits of the near pairs this token completes. */
    private static int near(int classes, int position, int[] lastSeen) {
        if (classes == 0) {
            return 0;
        }
        for (WordClass c : WordClass.values()) {
            if ((classes & c.bit()) != 0) {
                lastSeen[c.ordinal()] = position;
            }
        }
        int pairs = 0;
        for (int p = 0; p < NEAR_PAIRS.length; p++) {
            int a = lastSeen[NEAR_PAIRS[p][0].ordinal()];
            int b = lastSeen[NEAR_PAIRS[p][1].ordinal()];
            if ((a == position || b == position) && Math.abs(a - b) <= NEAR) {
                pairs |= 1 << p;
            }
        }
        return pairs;
    }

    /** Adds {@code c=} and each 4-gram of {@code ^word$}; one string per feature (this runs for every long word). */
    private static void addCharGrams(String word, List<String> features) {
        int n = word.length() + 2;
        char[] marked = new char[n + 2];
        marked[0] = 'c';
        marked[1] = '=';
        marked[2] = '^';
        word.getChars(0, word.length(), marked, 3);
        marked[n + 1] = '$';
        char[] feature = new char[CHAR_GRAM + 2];
        feature[0] = 'c';
        feature[1] = '=';
        for (int k = 2; k + CHAR_GRAM <= n + 2; k++) {
            System.arraycopy(marked, k, feature, 2, CHAR_GRAM);
            features.add(new String(feature));
        }
    }
}

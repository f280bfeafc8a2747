package org.varsel.pipeline.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.varsel.pipeline.nlp.TextNormaliser;

/** Trains the four-way categoriser, or a binary threat model, reproducibly: same data and options, same model. */
public final class ModelTrainer {

    /** The threat model's outcome for a threat ({@link #trainThreatModel}). */
    public static final String THREAT_MODEL_THREAT = "threat";
    /** The threat model's outcome for every other post. */
    public static final String THREAT_MODEL_OTHER = "other";

    private ModelTrainer() {}

    /** Trains on every post of {@code corpus} that is not held out; {@code progress} gets one-line updates. */
    public static TrainedModel train(
            TrainingCorpus corpus, Path dataDir, TrainingOptions options, Consumer<String> progress)
            throws IOException {
        return train(corpus, dataDir, options, new HarmFeatures(), progress);
    }

    /** As {@link #train(TrainingCorpus, Path, TrainingOptions, Consumer)}, on {@code features}. */
    public static TrainedModel train(
            TrainingCorpus corpus,
            Path dataDir,
            TrainingOptions options,
            HarmFeatures features,
            Consumer<String> progress)
            throws IOException {
        return train(corpus, dataDir, options, features, false, progress);
    }

    /**
     * A binary model: {@value #THREAT_MODEL_THREAT} against {@value #THREAT_MODEL_OTHER} (every post of another
     * category), on the same posts, shares and repeats as {@link #train}: its P(threat) is not split with "hateful".
     */
    public static TrainedModel trainThreatModel(
            TrainingCorpus corpus,
            Path dataDir,
            TrainingOptions options,
            HarmFeatures features,
            Consumer<String> progress)
            throws IOException {
        return train(corpus, dataDir, options, features, true, progress);
    }

    private static TrainedModel train(
            TrainingCorpus corpus,
            Path dataDir,
            TrainingOptions options,
            HarmFeatures features,
            boolean threatModel,
            Consumer<String> progress)
            throws IOException {
        Function<Category, String> outcome =
                threatModel ? c -> c == Category.THREAT ? THREAT_MODEL_THREAT : THREAT_MODEL_OTHER : Category::label;
        List<DocumentSample> samples = new ArrayList<>();
        Map<String, Map<Category, Integer>> counts = new TreeMap<>();
        for (LabelledPost post : corpus.posts()) {
            if (post.heldOut() || !keep(post, options)) {
                continue;
            }
            String[] tokens = TextNormaliser.tokens(post.text());
            if (tokens.length == 0) {
                continue;
            }
            int repeats = repeats(post, options);
            for (int r = 0; r < repeats; r++) {
                samples.add(new DocumentSample(outcome.apply(post.category()), tokens));
            }
            counts.computeIfAbsent(post.source(), s -> new EnumMap<>(Category.class))
                    .merge(post.category(), repeats, Integer::sum);
        }
        Collections.shuffle(samples, new Random(options.seed()));
        progress.accept("training " + options.algorithm() + " on " + samples.size() + " posts " + counts);

        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, options.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, options.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, options.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        if (options.algorithm().equals("MAXENT_QN")) {
            params.put("L1Cost", 0.0);
            params.put("L2Cost", options.l2Cost());
        }
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {features});
        DoccatModel trained =
                DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples), params, factory);

        List<LabelledPost> verdicts = corpus.posts().stream()
                .filter(p -> p.source().equals(TrainingCorpus.VERDICTS))
                .toList();
        String doccatVersion = verdicts.isEmpty()
                ? version(dataDir, options, features)
                : versionWithVerdicts(dataDir, options, features, verdicts);
        String version = threatModel ? threatModelVersion(doccatVersion, samples) : doccatVersion;
        DoccatModel versioned = new DoccatModel(
                "mul",
                trained.getMaxentModel(),
                Map.of(
                        HarmClassifier.VERSION_PROPERTY,
                        version,
                        HarmClassifier.NORMALISER_PROPERTY,
                        String.valueOf(TextNormaliser.VERSION),
                        HarmClassifier.FEATURES_PROPERTY,
                        features.version(),
                        "varsel.training.options",
                        options.toString()),
                factory);
        return new TrainedModel(versioned, version, counts);
    }

    /**
     * {@code doccat-} and 12 hex digits of a SHA-256 over the data files, the options, the normaliser, the features
     * and the lexicon and known words they read.
     */
    public static String version(Path dataDir, TrainingOptions options) throws IOException {
        return version(dataDir, options, new HarmFeatures());
    }

    /** As {@link #version(Path, TrainingOptions)}, of a model on {@code features} (and the target lexicon they read). */
    public static String version(Path dataDir, TrainingOptions options, HarmFeatures features) throws IOException {
        MessageDigest digest = sha256();
        digest.update(("normaliser=" + TextNormaliser.VERSION + ";features=" + features.version() + ";" + options)
                .getBytes(StandardCharsets.UTF_8));
        for (String file : TrainingCorpus.FILES) {
            digest(Files.newInputStream(dataDir.resolve(file)), digest);
        }
        digest(HarmLexicon.class.getResourceAsStream(HarmLexicon.RESOURCE), digest);
        for (String resource : features.extraResources()) {
            digest(HarmLexicon.class.getResourceAsStream(resource), digest);
        }
        digest(KnownWords.class.getResourceAsStream(KnownWords.RESOURCE), digest);
        return "doccat-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /** {@link #version} with the verdict posts (text, class, held out or not) in the digest: other verdicts, another model. */
    static String versionWithVerdicts(
            Path dataDir, TrainingOptions options, HarmFeatures features, List<LabelledPost> verdicts)
            throws IOException {
        MessageDigest digest = sha256();
        digest.update(version(dataDir, options, features).getBytes(StandardCharsets.UTF_8));
        for (LabelledPost post : verdicts) {
            digest.update((post.category().label() + '\t' + post.heldOut() + '\t' + post.text() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return "doccat-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /**
     * {@code threat-} and 12 hex digits of a SHA-256 over the categoriser's version of the same data and every sample
     * trained on (outcome and tokens, in order): posts added to the corpus beside its files make another version.
     */
    static String threatModelVersion(String doccatVersion, List<DocumentSample> samples) {
        MessageDigest digest = sha256();
        digest.update(doccatVersion.getBytes(StandardCharsets.UTF_8));
        for (DocumentSample sample : samples) {
            digest.update((sample.getCategory() + '\t' + String.join(" ", sample.getText()) + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return "threat-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static void digest(InputStream source, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new DigestInputStream(source, digest)) {
            while (in.read(buffer) >= 0) {
                // reading feeds the digest
            }
        }
    }

    private static int repeats(LabelledPost post, TrainingOptions options) {
        if (post.source().equals(TrainingCorpus.DKHATE) && post.category() == Category.OFFENSIVE) {
            return options.danishOffensiveRepeats();
        }
        if (post.source().equals(TrainingCorpus.JIGSAW) && post.category() == Category.THREAT) {
            return options.jigsawThreatRepeats();
        }
        return post.source().equals(TrainingCorpus.SYNTHETIC) ? options.syntheticRepeats() : 1;
    }

    private static boolean keep(LabelledPost post, TrainingOptions options) {
        if (post.source().equals(TrainingCorpus.DAVIDSON) && post.category() == Category.OFFENSIVE) {
            return TrainingCorpus.stableFraction(options.seed(), "davidson-offensive-sample", post.id())
                    < options.davidsonOffensiveKept();
        }
        if (post.source().equals(TrainingCorpus.STORMFRONT) && post.category() == Category.NEUTRAL) {
            return TrainingCorpus.stableFraction(options.seed(), "stormfront-neutral-sample", post.id())
                    < options.stormfrontNeutralKept();
        }
        if (post.source().equals(TrainingCorpus.JIGSAW)) {
            return TrainingCorpus.stableFraction(options.seed(), "jigsaw-sample", post.id()) < options.jigsawKept();
        }
        if (post.source().equals(TrainingCorpus.HATEXPLAIN)) {
            return TrainingCorpus.stableFraction(options.seed(), "hatexplain-sample", post.id())
                    < options.hatexplainKept();
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

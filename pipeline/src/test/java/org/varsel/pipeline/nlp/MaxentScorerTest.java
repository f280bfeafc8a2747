package org.varsel.pipeline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.Prior;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.classify.Classification;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.classify.LabelledPost;
import org.varsel.pipeline.classify.TrainingCorpus;
import org.varsel.pipeline.classify.TrainingOptions;
import org.varsel.pipeline.functional.FunctionalCase;
import org.varsel.pipeline.functional.FunctionalSuite;

/** The flat scorer gives OpenNLP's own probabilities, bit for bit, over every text the repository holds. */
class MaxentScorerTest {

    private static final Path DATA = Path.of("..", "data");

    @Test
    void givesTheBundledModelsOwnProbabilitiesBitForBitOverTheFunctionalSuiteAndTheTrainingTexts() throws IOException {
        DoccatModel model = ModelResources.load(HarmClassifier.BUNDLED_MODEL, DoccatModel::new);
        MaxentModel maxent = model.getMaxentModel();
        MaxentScorer scorer = MaxentScorer.of(maxent).orElseThrow();
        FeatureGenerator[] generators = model.getFactory().getFeatureGenerators();
        List<String> texts = texts();
        assertThat(texts).hasSizeGreaterThan(50_000);
        int differing = 0;
        String first = null;
        for (String text : texts) {
            String[] features = features(generators, TextNormaliser.tokens(text));
            double[] expected = maxent.eval(features);
            double[] actual = scorer.eval(features);
            if (!Arrays.equals(expected, actual)) {
                differing++;
                first = first == null ? text : first;
            }
        }
        assertThat(differing)
                .as("texts scored differently, the first: %s", first)
                .isZero();
    }

    @Test
    void classifiesAsOpenNlpsCategorizerDoes() throws IOException {
        DoccatModel model = ModelResources.load(HarmClassifier.BUNDLED_MODEL, DoccatModel::new);
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        HarmClassifier classifier = new HarmClassifier(model);
        for (String text : texts().subList(0, 5_000)) {
            String[] tokens = TextNormaliser.tokens(text);
            if (tokens.length == 0) {
                continue;
            }
            double[] p = categorizer.categorize(tokens);
            Classification c = classifier.classifyTokens(tokens);
            assertThat(new double[] {c.threat(), c.hateful(), c.offensive(), c.neutral()})
                    .as(text)
                    .containsExactly(
                            p[categorizer.getIndex("threat")],
                            p[categorizer.getIndex("hateful")],
                            p[categorizer.getIndex("offensive")],
                            p[categorizer.getIndex("neutral")]);
        }
    }

    @Test
    void findsEveryPredicateAmongKeysOfTheSameHashAndCountsARepeatedFeatureTwice() {
        // "Aa" and "BB" have the same String hash, and so has every string of such pairs: one probe chain
        String[] predicates = {"Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "x"};
        Context[] weights = new Context[predicates.length];
        for (int i = 0; i < predicates.length; i++) {
            weights[i] = new Context(new int[] {0, 1, 2}, new double[] {0.1 * i, -0.37 * i + 0.01, 1.0 / (i + 3)});
        }
        QNModel model = new QNModel(weights, predicates, new String[] {"a", "b", "c"});
        MaxentScorer scorer = MaxentScorer.of(model).orElseThrow();
        for (String[] features : List.of(
                new String[] {"BBBB", "Aa", "BBBB", "AaAaAa", "AaBB"},
                new String[] {"BBAa", "BB", "unknown", "x", "x"},
                new String[] {"AaAaBB", "BBBBAa"},
                new String[0])) {
            assertThat(scorer.eval(features)).containsExactly(model.eval(features));
        }
        assertThat(scorer.eval(new String[] {"BBBB"})).isNotEqualTo(scorer.eval(new String[] {"AaAa"}));
    }

    @Test
    void givesTheLanguageDetectorsOwnProbabilitiesBitForBitOverTheSamplesItIsGiven() throws IOException {
        MaxentModel detector = ModelResources.load(ModelResources.LANGUAGE_DETECTOR, LanguageDetectorModel::new)
                .getMaxentModel();
        MaxentScorer scorer = MaxentScorer.of(detector).orElseThrow();
        assertThat(MaxentScorer.of(detector)).containsSame(scorer);
        int differing = 0;
        String first = null;
        LanguageIdentifier identifier = new LanguageIdentifier();
        for (String text : texts().subList(0, 20_000)) {
            String[] grams = identifier.characterGrams(DetectionSample.of(text, LanguageIdentifier.DEFAULT_SAMPLE_CHARS)
                    .text());
            if (!Arrays.equals(detector.eval(grams), scorer.eval(grams))) {
                differing++;
                first = first == null ? text : first;
            }
        }
        assertThat(differing)
                .as("texts scored differently, the first: %s", first)
                .isZero();
    }

    @Test
    void leavesAGisModelWithAnotherPriorToOpenNlp() {
        Context[] weights = {new Context(new int[] {0, 1}, new double[] {0.5, -0.5})};
        Prior leaning = new Prior() {
            @Override
            public void logPrior(double[] dist, int[] context, float[] values) {
                dist[0] = Math.log(0.7);
                dist[1] = Math.log(0.3);
            }

            @Override
            public void logPrior(double[] dist, Context[] context, float[] values) {
                logPrior(dist, (int[]) null, values);
            }

            @Override
            public void logPrior(double[] dist, int[] context) {
                logPrior(dist, context, null);
            }

            @Override
            public void setLabels(String[] outcomeLabels, String[] contextLabels) {}
        };
        GISModel model = new GISModel(weights, new String[] {"w"}, new String[] {"a", "b"}, leaning);
        assertThat(MaxentScorer.of(model)).isEmpty();
        GISModel uniform = new GISModel(weights, new String[] {"w"}, new String[] {"a", "b"});
        assertThat(MaxentScorer.of(uniform).orElseThrow().eval(new String[] {"w", "x", "w"}))
                .containsExactly(uniform.eval(new String[] {"w", "x", "w"}));
    }

    private static String[] features(FeatureGenerator[] generators, String[] tokens) {
        List<String> all = new ArrayList<>();
        for (FeatureGenerator g : generators) {
            all.addAll(g.extractFeatures(tokens, Map.of()));
        }
        return all.toArray(String[]::new);
    }

    /** The functional suite's cases (en + da) and every post of the training corpus, held out or not. */
    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        FunctionalSuite.read(DATA.resolve("functional")).cases().stream()
                .map(FunctionalCase::text)
                .forEach(texts::add);
        TrainingOptions options = TrainingOptions.defaults();
        TrainingCorpus corpus = TrainingCorpus.read(
                DATA.resolve("training"), options.seed(), options.davidsonHeldOut(), options.danishHeldOut());
        corpus.posts().stream().map(LabelledPost::text).forEach(texts::add);
        return texts;
    }
}

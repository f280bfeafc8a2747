package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {

    @TempDir
    Path data;

    @Test
    void trainingTwiceOnTheSameDataGivesTheSameVersionAndTheSameScores() throws IOException {
        writeTinyCorpus();
        TrainingOptions options =
                new TrainingOptions(1L, "MAXENT_QN", 30, 1, 1.0, 0.0, 0.0, 1.0, 1, 1, 1.0, 1.0, 1.0, 1);
        TrainingCorpus corpus = TrainingCorpus.read(data, options.seed(), 0.0, 0.0);

        TrainedModel first = ModelTrainer.train(corpus, data, options, line -> {});
        TrainedModel second = ModelTrainer.train(corpus, data, options, line -> {});

        assertThat(first.version()).isEqualTo(second.version()).matches("doccat-[0-9a-f]{12}");
        String probe = "you are all vermin and should go back";
        assertThat(new HarmClassifier(first.model()).classify(probe))
                .isEqualTo(new HarmClassifier(second.model()).classify(probe));
        assertThat(new HarmClassifier(first.model())
                        .classify("have a lovely day friends")
                        .category())
                .isEqualTo(Category.NEUTRAL);
        assertThat(new HarmClassifier(first.model())
                        .classify("tonight we kill them all with knives")
                        .category())
                .isEqualTo(Category.THREAT);
    }

    @Test
    void theVersionChangesWithTheDataAndWithTheOptions() throws IOException {
        writeTinyCorpus();
        TrainingOptions options = TrainingOptions.defaults();
        String before = ModelTrainer.version(data, options);
        assertThat(ModelTrainer.version(
                        data, new TrainingOptions(2L, "MAXENT_QN", 150, 2, 3.0, 0.1, 0.2, 0.3, 5, 2, 0.3, 1.0, 1.0, 1)))
                .isNotEqualTo(before);
        Files.writeString(data.resolve(TrainingCorpus.FILES.get(2)), "id\ttweet\tsubtask_a\n1\tnoget andet\tNOT\n");
        assertThat(ModelTrainer.version(data, options)).isNotEqualTo(before);
    }

    @Test
    void trainsOnOnlyTheConfiguredShareOfStormfrontNoHateSentencesAndOnEveryHateOne() throws IOException {
        TrainedModel none = trainTinyCorpus(0.0, 1.0);
        TrainedModel all = trainTinyCorpus(1.0, 1.0);

        assertThat(none.trainingCounts().get(TrainingCorpus.STORMFRONT)).containsOnly(Map.entry(Category.HATEFUL, 1));
        assertThat(all.trainingCounts().get(TrainingCorpus.STORMFRONT))
                .containsOnly(Map.entry(Category.HATEFUL, 1), Map.entry(Category.NEUTRAL, 1));
    }

    @Test
    void trainsOnOnlyTheConfiguredShareOfHateXplain() throws IOException {
        TrainedModel none = trainTinyCorpus(1.0, 0.0);
        TrainedModel half = trainTinyCorpus(1.0, 0.5);

        assertThat(none.trainingCounts()).doesNotContainKey(TrainingCorpus.HATEXPLAIN);
        assertThat(posts(half, TrainingCorpus.HATEXPLAIN)).isBetween(25, 65);
        assertThat(posts(half, TrainingCorpus.DAVIDSON)).isEqualTo(90);
    }

    @Test
    void repeatsEachJigsawThreatAsOftenAsConfiguredAndNoOtherJigsawComment() throws IOException {
        TrainedModel once = trainTinyCorpus(1.0, 1.0, 1);
        TrainedModel thrice = trainTinyCorpus(1.0, 1.0, 3);

        Map<Category, Integer> onceCounts = once.trainingCounts().get(TrainingCorpus.JIGSAW);
        Map<Category, Integer> thriceCounts = thrice.trainingCounts().get(TrainingCorpus.JIGSAW);
        assertThat(onceCounts.get(Category.THREAT)).isPositive();
        assertThat(thriceCounts.get(Category.THREAT)).isEqualTo(3 * onceCounts.get(Category.THREAT));
        assertThat(thriceCounts.get(Category.NEUTRAL)).isEqualTo(onceCounts.get(Category.NEUTRAL));
    }

    @Test
    void trainsOnNoJigsawCommentWhenNoneIsKept() throws IOException {
        writeTinyCorpus();
        TrainingOptions options =
                new TrainingOptions(1L, "MAXENT_QN", 5, 1, 1.0, 0.0, 0.0, 1.0, 1, 1, 1.0, 1.0, 0.0, 3);

        TrainedModel model = ModelTrainer.train(TrainingCorpus.read(data, 1L, 0.0, 0.0), data, options, line -> {});

        assertThat(model.trainingCounts()).doesNotContainKey(TrainingCorpus.JIGSAW);
    }

    @Test
    void theModelCarriesTheFeatureVersionItWasTrainedOn() throws IOException {
        DoccatModel model = trainTinyCorpus(1.0, 1.0).model();

        assertThat(model.getManifestProperty(HarmClassifier.FEATURES_PROPERTY)).isEqualTo(HarmFeatures.VERSION);
    }

    @Test
    void aModelOnTheTargetFeaturesNamesThemAndIsScoredWithThemAfterLoading() throws IOException {
        writeTinyCorpus();
        TrainingOptions options =
                new TrainingOptions(1L, "MAXENT_QN", 5, 1, 1.0, 0.0, 0.0, 1.0, 1, 1, 1.0, 1.0, 1.0, 1);
        DoccatModel trained = ModelTrainer.train(
                        TrainingCorpus.read(data, 1L, 0.0, 0.0), data, options, new TargetedHarmFeatures(), line -> {})
                .model();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        trained.serialize(bytes);
        DoccatModel loaded = new DoccatModel(new java.io.ByteArrayInputStream(bytes.toByteArray()));

        assertThat(loaded.getManifestProperty(HarmClassifier.FEATURES_PROPERTY))
                .isEqualTo(HarmFeatures.TARGETED_VERSION);
        assertThat(HarmClassifier.featuresVersion(loaded)).isEqualTo(HarmFeatures.TARGETED_VERSION);
        assertThat(new HarmClassifier(loaded).classify("i will kill you").scores())
                .isEqualTo(
                        new HarmClassifier(trained).classify("i will kill you").scores());
        assertThat(ModelTrainer.version(data, options, new TargetedHarmFeatures()))
                .isNotEqualTo(ModelTrainer.version(data, options));
    }

    @Test
    void refusesAModelTrainedOnOtherFeatures() throws IOException {
        DoccatModel trained = trainTinyCorpus(1.0, 1.0).model();
        Map<String, String> manifest = new HashMap<>();
        manifest.put(
                HarmClassifier.NORMALISER_PROPERTY, trained.getManifestProperty(HarmClassifier.NORMALISER_PROPERTY));
        manifest.put(HarmClassifier.FEATURES_PROPERTY, "harm-features-older");
        DoccatModel older = new DoccatModel("mul", trained.getMaxentModel(), manifest, trained.getFactory());

        assertThatThrownBy(() -> new HarmClassifier(older))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("harm-features-older")
                .hasMessageContaining(HarmFeatures.VERSION);
    }

    private TrainedModel trainTinyCorpus(double stormfrontNeutralKept, double hatexplainKept) throws IOException {
        return trainTinyCorpus(stormfrontNeutralKept, hatexplainKept, 1);
    }

    private TrainedModel trainTinyCorpus(double stormfrontNeutralKept, double hatexplainKept, int jigsawThreatRepeats)
            throws IOException {
        writeTinyCorpus();
        TrainingOptions options = new TrainingOptions(
                1L,
                "MAXENT_QN",
                5,
                1,
                1.0,
                0.0,
                0.0,
                1.0,
                1,
                1,
                stormfrontNeutralKept,
                hatexplainKept,
                1.0,
                jigsawThreatRepeats);
        return ModelTrainer.train(TrainingCorpus.read(data, 1L, 0.0, 0.0), data, options, line -> {});
    }

    private static int posts(TrainedModel model, String source) {
        return model.trainingCounts().get(source).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    @Test
    void aThreatModelHasTwoOutcomesThreatAndOtherAndAVersionOfItsOwnThatTheAddedPostsChange() throws IOException {
        writeTinyCorpus();
        TrainingOptions options =
                new TrainingOptions(1L, "MAXENT_QN", 30, 1, 1.0, 0.0, 0.0, 1.0, 1, 1, 1.0, 1.0, 1.0, 1);
        TrainingCorpus corpus = TrainingCorpus.read(data, options.seed(), 0.0, 0.0);

        TrainedModel threat = ModelTrainer.trainThreatModel(corpus, data, options, new HarmFeatures(), line -> {});
        TrainedModel more = ModelTrainer.trainThreatModel(
                corpus.with(List.of(new LabelledPost("extra", "1", "i will hurt her badly", Category.THREAT, false))),
                data,
                options,
                new HarmFeatures(),
                line -> {});

        DocumentCategorizerME categorizer = new DocumentCategorizerME(threat.model());
        assertThat(categorizer.getNumberOfCategories()).isEqualTo(2);
        assertThat(categorizer.getIndex(ModelTrainer.THREAT_MODEL_THREAT)).isNotNegative();
        assertThat(categorizer.getIndex(ModelTrainer.THREAT_MODEL_OTHER)).isNotNegative();
        double[] p = categorizer.categorize(new String[] {"tonight", "we", "kill", "them", "all", "with", "knives"});
        assertThat(p[categorizer.getIndex(ModelTrainer.THREAT_MODEL_THREAT)]).isGreaterThan(0.5);
        // not the four-way categoriser's version: a file of one must never pass for the other
        assertThat(threat.version())
                .matches("threat-[0-9a-f]{12}")
                .isNotEqualTo(ModelTrainer.version(data, options))
                .isNotEqualTo(more.version());
        assertThat(threat.model().getManifestProperty(HarmClassifier.VERSION_PROPERTY))
                .isEqualTo(threat.version());
        assertThat(more.trainingCounts().get("extra")).containsEntry(Category.THREAT, 1);
    }

    @Test
    void holdsOutADeterministicSliceThatDependsOnTheSeed() {
        int heldOut = 0;
        int differ = 0;
        for (int id = 0; id < 10_000; id++) {
            double f = TrainingCorpus.stableFraction(7L, "dkhate", Integer.toString(id));
            assertThat(f)
                    .isEqualTo(TrainingCorpus.stableFraction(7L, "dkhate", Integer.toString(id)))
                    .isBetween(0.0, 1.0);
            heldOut += f < 0.2 ? 1 : 0;
            differ += (f < 0.2) != (TrainingCorpus.stableFraction(8L, "dkhate", Integer.toString(id)) < 0.2) ? 1 : 0;
        }
        assertThat(heldOut).isBetween(1_900, 2_100);
        assertThat(differ).isGreaterThan(2_000);
    }

    private void writeTinyCorpus() throws IOException {
        TinyTrainingData.writeTo(data);
    }
}

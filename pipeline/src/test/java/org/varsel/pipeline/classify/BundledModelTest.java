package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import opennlp.tools.doccat.DoccatModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.nlp.ModelResources;

/** Guards the model shipped in the jar against the held-out data in the repository (a few seconds). */
class BundledModelTest {

    private static final Path DATA = Path.of("..", "data", "training");
    private static HarmClassifier classifier;
    private static ModelEvaluation evaluation;

    @BeforeAll
    static void evaluateBundledModel() throws IOException {
        classifier = HarmClassifier.bundled();
        TrainingOptions options = TrainingOptions.defaults();
        TrainingCorpus corpus =
                TrainingCorpus.read(DATA, options.seed(), options.davidsonHeldOut(), options.danishHeldOut());
        evaluation = ModelEvaluation.evaluate(classifier, corpus);
    }

    @Test
    void reachesTheTargetMacroF1AndHatefulF1OnTheHateXplainValidationSplit() {
        ConfusionMatrix m = evaluation.matrix("hatexplain-val");
        assertThat(m.total()).isEqualTo(1_922);
        assertThat(m.macroF1()).isGreaterThanOrEqualTo(0.60);
        assertThat(m.f1("hateful")).isGreaterThanOrEqualTo(0.45);
    }

    @Test
    void separatesDanishOffensiveFromNeutralBetterThanChance() {
        ConfusionMatrix m = evaluation.matrix("dkhate-heldout-off-not");
        assertThat(m.total()).isGreaterThan(400);
        assertThat(m.macroF1()).isGreaterThan(0.55);
    }

    @Test
    void doesNotRegressOnTheDavidsonHeldOutSlice() {
        ConfusionMatrix m = evaluation.matrix("davidson-heldout");
        assertThat(m.total()).isEqualTo(2_492);
        assertThat(m.macroF1()).isGreaterThanOrEqualTo(0.68);
    }

    @Test
    void findsDanishOffensiveCommentsWellAboveTheOldModel() {
        assertThat(evaluation.matrix("dkhate-heldout-off-not").f1("OFF")).isGreaterThan(0.33);
    }

    @Test
    void findsHateInHeldOutStormfrontForumPosts() {
        ConfusionMatrix m = evaluation.matrix("stormfront-heldout");
        assertThat(m.support("hate")).isGreaterThan(150);
        assertThat(m.f1("hate")).isGreaterThanOrEqualTo(0.40);
        assertThat(m.macroF1()).isGreaterThanOrEqualTo(0.65);
    }

    @Test
    void recognisesThreatsPhrasedUnlikeAnyTrainingTemplate() {
        ConfusionMatrix m = evaluation.matrix("synthetic-heldout");
        assertThat(m.support("threat")).isGreaterThan(100);
        assertThat(m.recall("threat")).isGreaterThan(0.3);
        assertThat(m.precision("threat")).isGreaterThan(0.7);
    }

    @Test
    void wasTrainedOnTheFeaturesThisCodeComputes() {
        DoccatModel model = ModelResources.load(HarmClassifier.BUNDLED_MODEL, DoccatModel::new);

        assertThat(model.getManifestProperty(HarmClassifier.FEATURES_PROPERTY)).isEqualTo(HarmFeatures.VERSION);
    }

    @Test
    void carriesAVersionDerivedFromItsDataAndOptions() throws IOException {
        assertThat(classifier.modelVersion()).matches("doccat-[0-9a-f]{12}");
        assertThat(classifier.modelVersion()).isEqualTo(ModelTrainer.version(DATA, TrainingOptions.defaults()));
    }

    @Test
    void scoresEveryCategoryAsAProbability() {
        Classification c = classifier.classify("<user> you are a disgusting piece of trash");
        assertThat(c.threat() + c.hateful() + c.offensive() + c.neutral())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(c.scores()).containsOnlyKeys("threat", "hateful", "offensive", "neutral");
        assertThat(c.category())
                .isEqualTo(
                        c.threat() + c.hateful() >= HarmClassifier.HARM_THRESHOLD
                                ? (c.threat() >= c.hateful() ? Category.THREAT : Category.HATEFUL)
                                : (c.offensive() > c.neutral() ? Category.OFFENSIVE : Category.NEUTRAL));
    }

    @Test
    void callsEmptyTextNeutral() {
        assertThat(classifier.classify("").category()).isEqualTo(Category.NEUTRAL);
        assertThat(classifier.classify("   !!! ...").category()).isEqualTo(Category.NEUTRAL);
    }
}

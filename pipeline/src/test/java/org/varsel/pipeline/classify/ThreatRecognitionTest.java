package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled model on the posts of issue 16 that the hateful/offensive/neutral model missed, and their contrasts. */
class ThreatRecognitionTest {

    private static HarmClassifier classifier;

    @BeforeAll
    static void loadBundledModel() {
        classifier = HarmClassifier.bundled();
    }

    @Test
    void callsACallToViolenceWithWeaponTimeAndPlaceAThreat() {
        Classification c = classifier.classify(
                "Grab your machetes tonight, every one of those cockroaches in the east district must be gone by morning");
        assertThat(c.category()).isEqualTo(Category.THREAT);
        assertThat(c.neutral()).isLessThan(0.5);
    }

    @Test
    void scoresAnExplicitThreatAgainstAGroupAsAThreatWithHighConfidence() {
        Classification c = classifier.classify(
                "Grab your guns and meet at the asylum centre in Holstebro on Saturday. Kill all the migrants");
        assertThat(c.category()).isEqualTo(Category.THREAT);
        assertThat(c.threat() + c.hateful()).isGreaterThan(0.9);
    }

    @Test
    void scoresDanishDehumanisationWellAboveZero() {
        // "they are a disease" names no group: the score rises, the decision is left to the rules that see the context
        assertThat(classifier.classify("De er en sygdom").hateful()).isGreaterThan(0.4);
        assertThat(classifier.classify("Muslimer er en sygdom").category()).isEqualTo(Category.HATEFUL);
    }

    @Test
    void recognisesADanishCallToViolence() {
        assertThat(classifier.classify("Vi skal dræbe alle indvandrere i aften").category())
                .isEqualTo(Category.THREAT);
    }

    @Test
    void doesNotCallAReportOfAThreatOrViolenceAgainstAThingAThreat() {
        assertThat(classifier
                        .classify("Police arrested a man who wrote that all migrants should be killed")
                        .category())
                .isEqualTo(Category.NEUTRAL);
        assertThat(classifier
                        .classify("I am going to kill this presentation tomorrow")
                        .category())
                .isEqualTo(Category.NEUTRAL);
    }
}

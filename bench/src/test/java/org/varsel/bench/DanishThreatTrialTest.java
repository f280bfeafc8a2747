package org.varsel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varsel.bench.DanishThreatTrial.EvaluationSet;
import org.varsel.pipeline.rules.TargetWords;

class DanishThreatTrialTest {
    private static final EvaluationSet TEST_FILE = new EvaluationSet(List.of(), false);
    private static final EvaluationSet READABLE = new EvaluationSet(List.of(), true);

    @Test
    void neverWritesATextOfTheTestFileWhateverItScores() {
        assertThat(DanishThreatTrial.written("dkhate-threat-test", TEST_FILE, 0.99))
                .isFalse();
        assertThat(DanishThreatTrial.written("dkhate-none-test-guard", TEST_FILE, 0.99))
                .isFalse();
    }

    @Test
    void writesEveryDevThreatAndOnlyTheGuardTextsItWouldFlag() {
        assertThat(DanishThreatTrial.written("dkhate-threat-dev", READABLE, 0.01))
                .isTrue();
        assertThat(DanishThreatTrial.written("lcc-da-guard", READABLE, 0.49)).isFalse();
        assertThat(DanishThreatTrial.written("lcc-da-guard", READABLE, 0.5)).isTrue();
    }

    @Test
    void gatesInViolenceOrAWeaponButNotWhatTheTextCondemnsNorAPlainSentence() {
        TargetWords lexicons = TargetWords.bundled();
        assertThat(DanishThreatTrial.namesViolence(lexicons, "tag geværet med og skyd dem"))
                .isTrue();
        assertThat(DanishThreatTrial.namesViolence(lexicons, "jeg fordømmer dem der vil skyde dem"))
                .isFalse();
        assertThat(DanishThreatTrial.namesViolence(lexicons, "vi ses til morgenmad i morgen"))
                .isFalse();
    }

    @Test
    void scoresAThreatAtTheEndOfALongCommentAsItsOwnSentence() {
        assertThat(DanishThreatTrial.sentences("Det var en lang dag på arbejdet. Jeg ved hvor du bor!\nVi ses"))
                .containsExactly("Det var en lang dag på arbejdet.", "Jeg ved hvor du bor!", "Vi ses");
    }
}

package org.varsel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varsel.bench.DanishThreatTrial.EvaluationSet;

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
    void scoresAThreatAtTheEndOfALongCommentAsItsOwnSentence() {
        assertThat(DanishThreatTrial.sentences("Det var en lang dag på arbejdet. Jeg ved hvor du bor!\nVi ses"))
                .containsExactly("Det var en lang dag på arbejdet.", "Jeg ved hvor du bor!", "Vi ses");
    }
}

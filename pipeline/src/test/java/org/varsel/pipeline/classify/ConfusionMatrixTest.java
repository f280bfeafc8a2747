package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void computesPerLabelAndMacroMetrics() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b"));
        // gold a: 3 right, 1 wrong; gold b: 2 right, 2 wrong
        for (int k = 0; k < 3; k++) {
            m.add("a", "a");
        }
        m.add("a", "b");
        m.add("b", "b");
        m.add("b", "b");
        m.add("b", "a");
        m.add("b", "a");
        assertThat(m.precision("a")).isCloseTo(3.0 / 5, within(1e-9));
        assertThat(m.recall("a")).isCloseTo(3.0 / 4, within(1e-9));
        assertThat(m.f1("a")).isCloseTo(2 * 0.6 * 0.75 / 1.35, within(1e-9));
        assertThat(m.precision("b")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(m.recall("b")).isCloseTo(0.5, within(1e-9));
        assertThat(m.macroF1()).isCloseTo((m.f1("a") + m.f1("b")) / 2, within(1e-9));
        assertThat(m.accuracy()).isCloseTo(5.0 / 8, within(1e-9));
        assertThat(m.toMarkdown()).contains("| a | 3 | 1 |", "| b | 2 | 2 |");
    }

    @Test
    void labelsNeverPredictedHaveZeroPrecisionInsteadOfNaN() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b"));
        m.add("b", "a");
        assertThat(m.precision("b")).isZero();
        assertThat(m.f1("b")).isZero();
    }

    @Test
    void rejectsUnknownLabels() {
        assertThatThrownBy(() -> new ConfusionMatrix(List.of("a")).add("a", "z"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

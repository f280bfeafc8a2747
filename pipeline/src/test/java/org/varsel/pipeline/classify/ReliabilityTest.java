package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReliabilityTest {

    @Test
    void weighsEachBinsGapBetweenPredictedAndObservedByItsPosts() {
        Reliability r = new Reliability();
        for (int k = 0; k < 10; k++) {
            r.add(0.25, k < 2);
        }
        for (int k = 0; k < 4; k++) {
            r.add(0.75, k < 3);
        }
        // 10 posts at 0.25 with 2 positive (0.2), 4 posts at 0.75 with 3 positive (0.75)
        assertThat(r.expectedCalibrationError()).isCloseTo(10.0 / 14 * 0.05, within(1e-9));
        assertThat(r.toMarkdown()).contains("| 0.2-0.3 | 10 | 0.250 | 0.200 |", "| 0.7-0.8 | 4 | 0.750 | 0.750 |");
    }

    @Test
    void anOverconfidentProbabilityShowsItsGap() {
        Reliability r = new Reliability();
        for (int k = 0; k < 10; k++) {
            r.add(1.0, k < 5);
        }
        assertThat(r.expectedCalibrationError()).isCloseTo(0.5, within(1e-9));
        assertThat(r.toMarkdown()).contains("| 0.9-1.0 | 10 | 1.000 | 0.500 |");
    }
}

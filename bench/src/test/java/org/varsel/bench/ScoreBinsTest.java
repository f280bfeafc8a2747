package org.varsel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoreBinsTest {

    @Test
    void aScoreOnABandsLowerEdgeFallsInThatBandAndOneJustBelowInTheBandBefore() {
        ScoreBins bins = ScoreBins.empty()
                .add(0.0)
                .add(0.0999)
                .add(0.1)
                .add(0.69)
                .add(0.7)
                .add(0.8999)
                .add(0.9)
                .add(1.0);

        assertThat(bins.counts()).containsExactly(2, 1, 0, 1, 1, 1, 2);
    }

    @Test
    void countsTheTextsAtOrAboveAnEdgeThatAThresholdThereWouldReach() {
        ScoreBins bins =
                ScoreBins.empty().add(0.65).add(0.75).add(0.85).add(0.95).add(0.99);

        assertThat(bins.atLeast(0.9)).isEqualTo(2);
        assertThat(bins.atLeast(0.8)).isEqualTo(3);
        assertThat(bins.atLeast(0.7)).isEqualTo(4);
        assertThat(bins.atLeast(0.1)).isEqualTo(5);
        assertThatThrownBy(() -> bins.atLeast(0.85)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addingLeavesTheBinsItWasAddedToAsTheyWere() {
        ScoreBins empty = ScoreBins.empty();
        empty.add(0.95);

        assertThat(empty).isEqualTo(ScoreBins.empty());
    }

    @Test
    void theHeaderNamesEveryBandAndTheCellsMatchItOneForOne() {
        assertThat(ScoreBins.header()).isEqualTo(" < 0.1 | 0.1-0.3 | 0.3-0.5 | 0.5-0.7 | 0.7-0.8 | 0.8-0.9 | ≥ 0.9 |");
        assertThat(ScoreBins.empty().add(0.95).cells()).isEqualTo(" 0 | 0 | 0 | 0 | 0 | 0 | 1 |");
    }
}

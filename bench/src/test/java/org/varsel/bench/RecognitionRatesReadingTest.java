package org.varsel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.varsel.bench.RecognitionRates.Reading;
import org.varsel.contract.Tier;

class RecognitionRatesReadingTest {
    @Test
    void aPostTheClassifierAloneOpensInTheHighTierFlagsWithoutARuleHit() {
        Reading classifierOnly = new Reading("en", false, Optional.empty(), Optional.of(Tier.HIGH), List.of());
        assertThat(classifierOnly.flags()).isTrue();
    }

    @Test
    void aRuleHitFlagsEvenWhenNothingOpens() {
        Reading slurOnly = new Reading("en", true, Optional.empty(), Optional.empty(), List.of("dsl-en-slur"));
        assertThat(slurOnly.flags()).isTrue();
    }

    @Test
    void aMediumTierOpeningByThePathWithoutARuleHitDoesNotFlag() {
        Reading medium = new Reading("en", false, Optional.empty(), Optional.of(Tier.MEDIUM), List.of());
        assertThat(medium.flags()).isFalse();
    }
}

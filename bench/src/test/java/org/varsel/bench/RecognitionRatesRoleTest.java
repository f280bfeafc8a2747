package org.varsel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.varsel.bench.RecognitionRates.Role;

class RecognitionRatesRoleTest {
    @Test
    void setsNamedDevAreDevSetsWhoseMissesMayBeRead() {
        assertThat(Role.of("edos-threat-dev")).isEqualTo(Role.DEV);
        assertThat(Role.of("gab-cv-train")).isEqualTo(Role.DEV);
        assertThat(Role.of(RecognitionRates.JIGSAW_DEV)).isEqualTo(Role.DEV);
    }

    @Test
    void setsNamedGuardAndTheOrdinaryPostSetsAreGuardsWhoseFlagsAreWritten() {
        assertThat(Role.of("edos-not-sexist-guard")).isEqualTo(Role.GUARD);
        assertThat(Role.of("edos-sexist-not-threat-guard")).isEqualTo(Role.GUARD);
        assertThat(Role.of("ira-first-20000-en")).isEqualTo(Role.GUARD);
    }

    @Test
    void everyOtherSetIsATestSetReadAsRatesOnly() {
        assertThat(Role.of("edos-threat-test")).isEqualTo(Role.TEST);
        assertThat(Role.of("gab-cv-test")).isEqualTo(Role.TEST);
        assertThat(Role.of("ethos-violent")).isEqualTo(Role.TEST);
    }
}

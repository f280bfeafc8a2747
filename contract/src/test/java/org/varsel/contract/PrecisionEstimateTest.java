package org.varsel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrecisionEstimateTest {

    @Test
    void oneStrayDismissalIsZeroPercentWithAnIntervalUpToSeventyNinePercent() {
        PrecisionEstimate stray = PrecisionEstimate.of(0, 1);
        assertThat(stray.precision()).hasValue(0.0);
        assertThat(stray.lower()).isZero();
        assertThat(stray.upper()).isCloseTo(0.7935, within(1e-4));
        assertThat(stray.describe()).isEqualTo("0 of 1 confirmed (0 %, 95 % interval 0-79 %)");
    }

    @Test
    void matchesPublishedWilsonIntervals() {
        // Brown, Cai and DasGupta (2001) / any statistics package: 5 of 10 → [0.2366, 0.7634]; 0 of 10 → [0, 0.2775]
        assertThat(PrecisionEstimate.of(5, 5).lower()).isCloseTo(0.2366, within(1e-4));
        assertThat(PrecisionEstimate.of(5, 5).upper()).isCloseTo(0.7634, within(1e-4));
        assertThat(PrecisionEstimate.of(0, 10).upper()).isCloseTo(0.2775, within(1e-4));
        assertThat(PrecisionEstimate.of(10, 0).lower()).isCloseTo(0.7225, within(1e-4));
    }

    @Test
    void withoutVerdictsNothingIsKnownAndTheIntervalIsEverything() {
        PrecisionEstimate none = PrecisionEstimate.of(0, 0);
        assertThat(none.precision()).isEmpty();
        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isEqualTo(1.0);
        assertThat(none.describe()).isEqualTo("no verdicts");
        assertThatThrownBy(() -> PrecisionEstimate.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIntervalHoldsThePointEstimateAndNarrowsAsVerdictsAccumulate() {
        Random random = new Random(19);
        for (int trial = 0; trial < 2_000; trial++) {
            int confirmed = random.nextInt(200);
            int dismissed = random.nextInt(200) + (confirmed == 0 ? 1 : 0);
            PrecisionEstimate once = PrecisionEstimate.of(confirmed, dismissed);
            PrecisionEstimate tenfold = PrecisionEstimate.of(confirmed * 10L, dismissed * 10L);
            assertThat(once.precision().getAsDouble()).isBetween(once.lower(), once.upper());
            assertThat(once.lower()).isBetween(0.0, 1.0);
            assertThat(once.upper()).isBetween(0.0, 1.0);
            assertThat(tenfold.upper() - tenfold.lower()).isLessThan(once.upper() - once.lower());
        }
    }

    @Test
    void aRulePrecisionUpdateValidatesAgainstRulePrecisionV1() {
        PrecisionEstimate estimate = PrecisionEstimate.of(1, 11);
        JsonNode json = Json.mapper()
                .valueToTree(new RulePrecisionUpdate(
                        RulePrecisionUpdate.SCHEMA,
                        "r-vermin",
                        1,
                        11,
                        estimate.precision().getAsDouble(),
                        estimate.lower(),
                        estimate.upper(),
                        40,
                        0,
                        RulePrecisionUpdate.PROPOSE_SHADOW,
                        "low precision",
                        Instant.parse("2026-12-04T21:00:00Z")));
        assertThat(ContractSchemas.RULE_PRECISION_V1.violations(json)).isEmpty();
        assertThat(json.get("precision_upper").asDouble()).isEqualTo(estimate.upper());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("proposal", "disable");
        assertThat(ContractSchemas.RULE_PRECISION_V1.violations(json)).anyMatch(v -> v.contains("proposal"));
    }
}

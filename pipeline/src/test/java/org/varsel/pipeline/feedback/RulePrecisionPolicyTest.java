package org.varsel.pipeline.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Feedback;
import org.varsel.contract.RulePrecisionUpdate;

class RulePrecisionPolicyTest {
    private static final RulePrecisionPolicy POLICY = new RulePrecisionPolicy(0.5, 10);
    private static final Instant NOW = Instant.parse("2026-12-04T21:00:00Z");

    @Test
    void aFewStrayDismissalsOfARuleProposeNothing() {
        RulePrecisionUpdate stray = POLICY.assess("r-vermin", 0, 3, 120, 0, NOW);
        assertThat(stray.precision()).isZero();
        assertThat(stray.precisionUpper()).isGreaterThan(0.5);
        assertThat(stray.proposal()).isNull();
        assertThat(stray.hits()).isEqualTo(120);
    }

    @Test
    void proposesShadowModeOnceTheWholeIntervalLiesBelowTheFloorWithEnoughVerdicts() {
        RulePrecisionUpdate poor = POLICY.assess("r-vermin", 1, 11, 400, 0, NOW);
        assertThat(poor.precisionUpper()).isLessThan(0.5);
        assertThat(poor.proposal()).isEqualTo(RulePrecisionUpdate.PROPOSE_SHADOW);
        assertThat(poor.reason())
                .isEqualTo("1 of 12 confirmed (8 %, 95 % interval 1-35 %); the interval lies below the precision "
                        + "floor of 50 % (at least 10 verdicts)");
        assertThat(POLICY.assess("r-vermin", 0, 9, 400, 0, NOW).proposal())
                .as("9 verdicts are not enough")
                .isNull();
        assertThat(POLICY.assess("r-good", 6, 6, 400, 0, NOW).proposal())
                .as("50 % with an interval over the floor")
                .isNull();
    }

    @Test
    void aVerdictJudgesEveryRuleOfItsIncidentOnceAndTheLatestDecisionCounts() {
        Feedback feedback = new Feedback(
                Feedback.SCHEMA,
                "5e0c7a8e-7f32-4d6a-9a37-0c1f2b9f1d11",
                "inc-1",
                3,
                "dismissed",
                "satire",
                List.of("r-a", "r-b", "r-a"),
                null,
                List.of(),
                "ana",
                NOW);
        List<RuleVerdict> perRule = RuleVerdict.perRule(feedback);
        assertThat(perRule).extracting(RuleVerdict::ruleId).containsExactly("r-a", "r-b");
        RuleVerdict dismissed = perRule.get(0);
        RuleVerdict reconfirmed =
                new RuleVerdict("r-a", "inc-1", true, NOW.plusSeconds(60).toEpochMilli());
        RuleVerdict older =
                new RuleVerdict("r-a", "inc-1", true, NOW.minusSeconds(60).toEpochMilli());
        assertThat(dismissed.replaces(null)).isTrue();
        assertThat(reconfirmed.replaces(dismissed)).isTrue();
        assertThat(older.replaces(dismissed))
                .as("an older decision delivered late")
                .isFalse();
        assertThat(dismissed.replaces(dismissed)).as("a redelivery").isFalse();
    }
}

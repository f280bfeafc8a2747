package org.varsel.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * What the pipeline has learned about one rule (schema rule-precision.v1, topic {@link Topics#RULE_PRECISION}, key =
 * rule id; the latest update per rule stands): the analysts' verdicts on its incidents with the precision interval, how
 * often it hit, and whether it is proposed for shadow mode.
 *
 * @param hits signals the rule matched as a live rule since the pipeline's state for it began
 * @param shadowHits signals it matched as a shadow rule (measured, never alerted)
 * @param proposal {@link #PROPOSE_SHADOW} when the upper bound of its precision fell below the floor with enough
 *     verdicts; null otherwise. A proposal for the desk's leads, never a switch.
 * @param reason why it is proposed, for people; null without a proposal
 */
public record RulePrecisionUpdate(
        String schema,
        String ruleId,
        long confirmed,
        long dismissed,
        Double precision,
        double precisionLower,
        double precisionUpper,
        long hits,
        long shadowHits,
        String proposal,
        String reason,
        Instant updatedAt) {

    public static final String SCHEMA = "rule-precision.v1";
    public static final String PROPOSE_SHADOW = "shadow";

    public RulePrecisionUpdate {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(updatedAt);
    }

    /** The verdict counts with their interval. */
    public PrecisionEstimate estimate() {
        return PrecisionEstimate.of(confirmed, dismissed);
    }
}

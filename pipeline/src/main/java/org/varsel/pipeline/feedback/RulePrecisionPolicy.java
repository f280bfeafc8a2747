package org.varsel.pipeline.feedback;

import java.time.Instant;
import org.varsel.contract.PrecisionEstimate;
import org.varsel.contract.RulePrecisionUpdate;

/**
 * When a rule is proposed for shadow mode: with at least {@code minVerdicts} decided incidents, when even the upper
 * bound of its precision interval is below {@code floor}. The interval, not the point estimate, so that a few stray
 * dismissals of a good rule propose nothing.
 */
public record RulePrecisionPolicy(double floor, int minVerdicts) implements java.io.Serializable {

    public RulePrecisionUpdate assess(
            String ruleId, long confirmed, long dismissed, long hits, long shadowHits, Instant now) {
        PrecisionEstimate estimate = PrecisionEstimate.of(confirmed, dismissed);
        boolean propose = estimate.decided() >= minVerdicts && estimate.upper() < floor;
        String reason = propose
                ? "%s; the interval lies below the precision floor of %d %% (at least %d verdicts)"
                        .formatted(estimate.describe(), Math.round(floor * 100), minVerdicts)
                : null;
        Double precision =
                estimate.precision().isPresent() ? estimate.precision().getAsDouble() : null;
        return new RulePrecisionUpdate(
                RulePrecisionUpdate.SCHEMA,
                ruleId,
                confirmed,
                dismissed,
                precision,
                estimate.lower(),
                estimate.upper(),
                hits,
                shadowHits,
                propose ? RulePrecisionUpdate.PROPOSE_SHADOW : null,
                reason,
                now);
    }
}

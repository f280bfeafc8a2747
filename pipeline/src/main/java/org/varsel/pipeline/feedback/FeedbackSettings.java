package org.varsel.pipeline.feedback;

import java.time.Duration;

/**
 * How the pipeline acts on verdicts (docs/configuration.md, {@code pipeline.feedback.*}).
 *
 * @param precisionFloor a rule whose precision's upper bound is below this is proposed for shadow mode
 * @param minVerdicts ... but only with at least this many decided incidents
 * @param suppressionTtl how long a dismissed incident's content suppresses near-duplicates (and how long an emitted
 *     incident's content is remembered for a dismissal to find it)
 * @param stateTtl how long a rule's verdicts and hit counts are kept after their last change
 * @param reportInterval how often at most a rule's hit counts are published between verdicts
 */
public record FeedbackSettings(
        double precisionFloor, int minVerdicts, Duration suppressionTtl, Duration stateTtl, Duration reportInterval)
        implements java.io.Serializable {
    public FeedbackSettings {
        if (precisionFloor < 0 || precisionFloor > 1) {
            throw new IllegalArgumentException(
                    "pipeline.feedback.precision-floor must be between 0 and 1, not " + precisionFloor);
        }
        if (minVerdicts < 1) {
            throw new IllegalArgumentException("pipeline.feedback.min-verdicts must be at least 1, not " + minVerdicts);
        }
    }

    public RulePrecisionPolicy policy() {
        return new RulePrecisionPolicy(precisionFloor, minVerdicts);
    }
}

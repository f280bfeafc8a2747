package org.varsel.pipeline.campaign;

import java.io.Serializable;
import java.time.Duration;

/**
 * When two findings belong to one campaign (keys {@code pipeline.campaigns.*}, docs/configuration.md): they share at
 * least {@code minContainment} of the smaller account set, their windows are at most {@code maxGap} apart, and the
 * campaign they make spans at most {@code maxSpan}. {@code shingleWords} is the co-similar detector's shingle size, so
 * that texts are compared as that detector compares them. A campaign's changes that are not news reach the queue at most
 * once per {@code emitInterval} of event time (zero: every change).
 */
public record CampaignSettings(
        double minContainment, Duration maxGap, Duration maxSpan, int shingleWords, Duration emitInterval)
        implements Serializable {

    public CampaignSettings {
        if (minContainment <= 0 || minContainment > 1) {
            throw new IllegalArgumentException(
                    "pipeline.campaigns.min-containment must lie in (0, 1], not " + minContainment);
        }
        if (maxGap.isNegative() || maxSpan.isNegative() || maxSpan.isZero()) {
            throw new IllegalArgumentException(
                    "pipeline.campaigns.max-gap must not be negative and max-span must be positive, not " + maxGap
                            + " / " + maxSpan);
        }
        if (emitInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "pipeline.campaigns.emit-interval must not be negative, not " + emitInterval);
        }
    }

    public static CampaignSettings defaults() {
        return new CampaignSettings(0.5, Duration.ofHours(1), Duration.ofDays(1), 3, Duration.ofMinutes(1));
    }

    public CampaignSettings withEmitInterval(Duration interval) {
        return new CampaignSettings(minContainment, maxGap, maxSpan, shingleWords, interval);
    }

    /** How long a campaign is kept after its last signal: it can still be joined by a finding within the span cap. */
    long retentionMillis() {
        return maxSpan.toMillis() + maxGap.toMillis();
    }
}

package org.varsel.pipeline.correlate;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The early-warning run rule (keys {@code pipeline.early-warning.*}, docs/configuration.md): a period is raised when
 * its count reaches {@code max(minCount, mean + sigmas × spread)} of the {@code baselinePeriods} periods before, and
 * {@code sustainedPeriods} raised periods in a row open a warning.
 *
 * @param periods the period lengths watched, each its own operator ({@code P1D}, {@code P7D})
 */
public record EarlyWarningSettings(
        List<Duration> periods, int baselinePeriods, double sigmas, int sustainedPeriods, int minCount)
        implements Serializable {
    public static final Duration DAY = Duration.ofDays(1);
    public static final Duration WEEK = Duration.ofDays(7);

    public EarlyWarningSettings {
        periods = List.copyOf(periods);
        for (Duration period : periods) {
            if (!period.equals(DAY) && !period.equals(WEEK)) {
                throw new IllegalArgumentException(
                        "pipeline.early-warning.periods may name P1D and P7D, not " + period);
            }
        }
        if (baselinePeriods < 2) {
            throw new IllegalArgumentException(
                    "pipeline.early-warning.baseline-periods must be at least 2 (a spread needs two), not "
                            + baselinePeriods);
        }
        if (sustainedPeriods < 2) {
            throw new IllegalArgumentException(
                    "pipeline.early-warning.sustained-periods must be at least 2 (one raised period is a spike), not "
                            + sustainedPeriods);
        }
        if (!(sigmas > 0)) {
            throw new IllegalArgumentException("pipeline.early-warning.sigmas must be positive, not " + sigmas);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("pipeline.early-warning.min-count must be at least 1, not " + minCount);
        }
    }

    public static EarlyWarningSettings defaults() {
        return new EarlyWarningSettings(List.of(DAY, WEEK), 8, 2.0, 3, 5);
    }

    /** {@code P1D} or {@code P7D}, as the configuration and the incident's trend name a period. */
    public static String label(Duration period) {
        return "P" + period.toDays() + "D";
    }

    /**
     * How long a quiet key's state may live: the baseline window, the sustained run and one period of slack. The detector
     * forgets a key whose window is all zeros itself; this is the safety net.
     */
    public Duration stateTtl(Duration period) {
        return period.multipliedBy(baselinePeriods + sustainedPeriods + 1L);
    }
}

package org.varsel.pipeline.correlate;

/**
 * The rolling baseline of a count per time bucket: an exponentially weighted moving average, where a bucket
 * without any activity counts as zero.
 */
public final class Baseline {
    private Baseline() {}

    /** The baseline after a bucket that counted {@code observed}. */
    public static double next(double baseline, int observed, double alpha) {
        return alpha * observed + (1 - alpha) * baseline;
    }

    /** The baseline after {@code emptyBuckets} buckets with nothing in them. */
    public static double decay(double baseline, long emptyBuckets, double alpha) {
        return emptyBuckets <= 0 ? baseline : baseline * Math.pow(1 - alpha, emptyBuckets);
    }

    /** How many empty buckets it takes until {@code baseline} falls below {@code floor}. */
    public static long bucketsUntilBelow(double baseline, double floor, double alpha) {
        if (baseline < floor) {
            return 0;
        }
        return (long) Math.ceil(Math.log(floor / baseline) / Math.log(1 - alpha)) + 1;
    }

    /** Distinct accounts a bucket needs to count as a burst: at least {@code min} and {@code factor} times the baseline. */
    public static int threshold(double baseline, int min, double factor) {
        return Math.max(min, (int) Math.ceil(factor * baseline));
    }
}

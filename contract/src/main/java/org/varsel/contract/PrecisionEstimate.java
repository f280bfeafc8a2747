package org.varsel.contract;

import java.util.OptionalDouble;

/**
 * A rule's precision from analysts' verdicts, with its 95 % Wilson score interval: what a sample of this size lets us
 * say. One stray dismissal is 0 % precision but an interval of [0 %, 79 %], not a verdict on the rule.
 *
 * <p>Wilson, E. B. (1927), "Probable inference, the law of succession, and statistical inference", JASA 22(158):
 * 209-212. Brown, Cai and DasGupta (2001, Statistical Science 16(2)) recommend it over the normal (Wald) interval for
 * small samples and proportions near 0 or 1, which is where a rule's first verdicts are.
 *
 * @param lower lower bound of the interval, 0 without verdicts
 * @param upper upper bound of the interval, 1 without verdicts
 */
public record PrecisionEstimate(long confirmed, long dismissed, double lower, double upper) {
    /** The normal quantile of a two-sided 95 % interval. */
    private static final double Z = 1.959964;

    public static PrecisionEstimate of(long confirmed, long dismissed) {
        if (confirmed < 0 || dismissed < 0) {
            throw new IllegalArgumentException("verdict counts cannot be negative: " + confirmed + ", " + dismissed);
        }
        long n = confirmed + dismissed;
        if (n == 0) {
            return new PrecisionEstimate(0, 0, 0.0, 1.0);
        }
        double p = (double) confirmed / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // at p = 0 or 1 the bound is exactly 0 or 1; floating point would leave 1e-16 off and the estimate outside
        double lower = confirmed == 0 ? 0.0 : Math.max(0.0, centre - half);
        double upper = dismissed == 0 ? 1.0 : Math.min(1.0, centre + half);
        return new PrecisionEstimate(confirmed, dismissed, lower, upper);
    }

    public long decided() {
        return confirmed + dismissed;
    }

    /** confirmed / decided, empty before the first verdict. */
    public OptionalDouble precision() {
        return decided() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) confirmed / decided());
    }

    /** For people: "1 of 3 confirmed (33 %, 95 % interval 6-79 %)", or "no verdicts". */
    public String describe() {
        if (decided() == 0) {
            return "no verdicts";
        }
        return "%d of %d confirmed (%d %%, 95 %% interval %d-%d %%)"
                .formatted(
                        confirmed,
                        decided(),
                        Math.round(precision().getAsDouble() * 100),
                        Math.round(lower * 100),
                        Math.round(upper * 100));
    }
}

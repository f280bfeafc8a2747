package org.varsel.pipeline.correlate;

import java.util.Locale;

/**
 * A number with two decimals, exactly as {@code String.format(Locale.ROOT, "%.2f", value)} writes it, without the
 * formatter: explanations give every classifier score so, and parsing the pattern and localising the digits for each
 * score was 1.3 % of the whole pipeline's CPU (docs/performance.md, session 21).
 */
public final class TwoDecimals {
    /** Below this the arithmetic below is exact enough; larger values (none of them scores) go to the formatter. */
    private static final double LARGEST_BY_ARITHMETIC = 1e6;
    /** How close to a tie (a value half-way between two hundredths) the formatter's own digits decide. */
    private static final double NEAR_TIE = 1e-6;

    private TwoDecimals() {}

    /** {@code value} as {@code String.format(Locale.ROOT, "%.2f", value)} writes it. */
    public static String of(double value) {
        double magnitude = Math.abs(value);
        double hundredths = magnitude * 100;
        // The formatter rounds half up the shortest decimal that reads back as the value (1.005 becomes 1.01), not the
        // value itself (1.00499999999999989...). Below a million the two, and this product, differ by less than 1e-7
        // of a hundredth, so they round alike unless the value lies within NEAR_TIE of a tie. NaN fails the first test.
        if (!(magnitude < LARGEST_BY_ARITHMETIC) || Math.abs(hundredths - Math.floor(hundredths) - 0.5) < NEAR_TIE) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        long rounded = (long) Math.floor(hundredths + 0.5);
        long cents = rounded % 100;
        StringBuilder text = new StringBuilder(12);
        if (Double.compare(value, 0.0) < 0) {
            text.append('-'); // as the formatter writes it, also for -0.0 and for a negative that rounds to 0.00
        }
        text.append(rounded / 100).append('.');
        if (cents < 10) {
            text.append('0');
        }
        return text.append(cents).toString();
    }
}

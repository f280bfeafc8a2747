package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link TwoDecimals} writes every number as {@code String.format(Locale.ROOT, "%.2f", value)} does: the ties and their
 * neighbours, where the formatter rounds its shortest decimal rather than the value, random scores and baselines, and
 * the signs, zeros and non-finite values.
 */
class TwoDecimalsTest {

    @Test
    void everyTieBetweenTwoHundredthsAndItsNeighboursReadAsTheFormatterWritesThem() {
        for (int halfHundredths = 0; halfHundredths <= 40_000; halfHundredths++) {
            double tie = halfHundredths / 200.0;
            double below = tie;
            double above = tie;
            for (int ulps = 0; ulps <= 3; ulps++) {
                assertFormattedAlike(below);
                assertFormattedAlike(above);
                assertFormattedAlike(-above);
                below = Math.nextDown(below);
                above = Math.nextUp(above);
            }
        }
    }

    @Test
    void randomScoresAndBaselinesReadAsTheFormatterWritesThem() {
        SplittableRandom random = new SplittableRandom(20261207L);
        for (int i = 0; i < 50_000; i++) {
            assertFormattedAlike(random.nextDouble());
            assertFormattedAlike(random.nextDouble(0, 10_000));
            assertFormattedAlike(-random.nextDouble(0, 100));
            assertFormattedAlike(Math.scalb(random.nextDouble(), random.nextInt(-40, 30)));
            assertFormattedAlike(Double.longBitsToDouble(random.nextLong()));
        }
    }

    @Test
    void zerosSignsLimitsAndNonFiniteValuesReadAsTheFormatterWritesThem() {
        double[] values = {
            0.0,
            -0.0,
            0.001,
            -0.001,
            0.004999,
            0.005,
            -0.005,
            0.995,
            0.9999,
            1.0,
            1.005,
            2.675,
            99.995,
            999_999.99,
            999_999.995,
            1e6,
            1e6 + 0.005,
            1e15,
            1e300,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MIN_NORMAL,
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Long.MAX_VALUE / 100.0
        };
        for (double value : values) {
            assertFormattedAlike(value);
            assertFormattedAlike(Math.nextUp(value));
            assertFormattedAlike(Math.nextDown(value));
        }
    }

    private static void assertFormattedAlike(double value) {
        String expected = String.format(Locale.ROOT, "%.2f", value);
        String actual = TwoDecimals.of(value);
        if (!expected.equals(actual)) { // assertThat per value would dominate the test's time
            assertThat(actual)
                    .as("%s (%s)", value, Double.doubleToRawLongBits(value))
                    .isEqualTo(expected);
        }
    }
}

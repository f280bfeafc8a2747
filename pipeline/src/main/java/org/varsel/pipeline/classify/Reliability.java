package org.varsel.pipeline.classify;

import java.util.Locale;

/**
 * How well a probability is calibrated on held-out posts: in ten equal-width bins, the mean predicted
 * probability beside the observed frequency, and the expected calibration error (their gap, weighted by posts).
 */
public final class Reliability {

    private static final int BINS = 10;
    private final long[] posts = new long[BINS];
    private final double[] predicted = new double[BINS];
    private final long[] observed = new long[BINS];

    public void add(double probability, boolean positive) {
        int bin = Math.min(BINS - 1, (int) (probability * BINS));
        posts[bin]++;
        predicted[bin] += probability;
        observed[bin] += positive ? 1 : 0;
    }

    /** Expected calibration error: Σ posts_b / posts × |mean predicted_b − observed frequency_b|. */
    public double expectedCalibrationError() {
        long total = 0;
        double error = 0;
        for (int b = 0; b < BINS; b++) {
            total += posts[b];
            if (posts[b] > 0) {
                error += Math.abs(predicted[b] - observed[b]);
            }
        }
        return total == 0 ? 0 : error / total;
    }

    public String toMarkdown() {
        StringBuilder out =
                new StringBuilder("| predicted | posts | mean predicted | observed |\n|---|---:|---:|---:|\n");
        for (int b = 0; b < BINS; b++) {
            if (posts[b] > 0) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %.1f-%.1f | %d | %.3f | %.3f |%n",
                        b / (double) BINS,
                        (b + 1) / (double) BINS,
                        posts[b],
                        predicted[b] / posts[b],
                        observed[b] / (double) posts[b]));
            }
        }
        return out.append(
                        String.format(Locale.ROOT, "%nExpected calibration error: %.3f%n", expectedCalibrationError()))
                .toString();
    }
}

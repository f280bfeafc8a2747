package org.varsel.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * How many texts a classifier scores in each band: would a lower threshold ever pay? The bands' edges are the
 * thresholds worth asking about: 0.70 is the high tier's severity, 0.80 between it and the path's 0.90.
 */
record ScoreBins(int[] counts) {
    /** The lower edges of the bands after the first. */
    static final double[] EDGES = {0.1, 0.3, 0.5, 0.7, 0.8, 0.9};

    static ScoreBins empty() {
        return new ScoreBins(new int[EDGES.length + 1]);
    }

    /** These bins with one more text at {@code score}. */
    ScoreBins add(double score) {
        int[] next = counts.clone();
        int band = 0;
        while (band < EDGES.length && score >= EDGES[band]) {
            band++;
        }
        next[band]++;
        return new ScoreBins(next);
    }

    /** The texts scored at or above {@code edge}, one of {@link #EDGES}. */
    int atLeast(double edge) {
        int from = Arrays.binarySearch(EDGES, edge);
        if (from < 0) {
            throw new IllegalArgumentException("not a band's edge: " + edge);
        }
        return Arrays.stream(counts, from + 1, counts.length).sum();
    }

    /** The column heads, {@code < 0.1 | 0.1-0.3 | … | ≥ 0.9}. */
    static String header() {
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, " < %.1f |", EDGES[0]));
        for (int i = 1; i < EDGES.length; i++) {
            h.append(String.format(Locale.ROOT, " %.1f-%.1f |", EDGES[i - 1], EDGES[i]));
        }
        return h.append(String.format(Locale.ROOT, " ≥ %.1f |", EDGES[EDGES.length - 1]))
                .toString();
    }

    /** The counts as table cells, {@code  3 | 0 | … |}. */
    String cells() {
        StringBuilder c = new StringBuilder();
        for (int n : counts) {
            c.append(' ').append(n).append(" |");
        }
        return c.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreBins other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return Arrays.toString(counts);
    }
}

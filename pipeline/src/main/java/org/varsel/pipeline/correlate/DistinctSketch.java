package org.varsel.pipeline.correlate;

import java.util.Arrays;

/**
 * A bottom-k sketch of a set of ids (accounts, signals): the {@link #K} smallest 64-bit hashes of its members, sorted.
 * Exact for sets of up to {@code K} members; beyond that the size and the overlap of two sets are estimates (the
 * bottom-k of a union is the bottom-k of the union of the sketches, so findings and campaigns combine without their
 * full member lists). The hash is {@link MinHash}'s: the same on every JVM and replay.
 */
public final class DistinctSketch {
    /** Hashes kept: 1 KiB per sketch, exact overlaps for the accounts of most findings. */
    public static final int K = 128;

    private DistinctSketch() {}

    /** {@code sketch} with {@code id} in it (the same array when it was there or its hash is too large to keep). */
    public static long[] add(long[] sketch, String id) {
        long hash = MinHash.hash(id);
        int position = Arrays.binarySearch(sketch, hash);
        if (position >= 0) {
            return sketch;
        }
        int at = -position - 1;
        if (at >= K) {
            return sketch;
        }
        long[] next = new long[Math.min(K, sketch.length + 1)];
        System.arraycopy(sketch, 0, next, 0, at);
        next[at] = hash;
        System.arraycopy(sketch, at, next, at + 1, next.length - at - 1);
        return next;
    }

    /** The sketch of the union of the two sets (one of the two arrays itself when the other adds nothing to it). */
    public static long[] union(long[] a, long[] b) {
        // a full sketch keeps only hashes below its largest: summing many findings' sketches then mostly copies nothing
        if (a.length == K && (b.length == 0 || b[0] >= a[K - 1])) {
            return a;
        }
        if (b.length == K && (a.length == 0 || a[0] >= b[K - 1])) {
            return b;
        }
        long[] merged = new long[Math.min(K, a.length + b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (n < merged.length && (i < a.length || j < b.length)) {
            long next;
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                next = a[i++];
            } else if (i >= a.length || b[j] < a[i]) {
                next = b[j++];
            } else {
                next = a[i++];
                j++;
            }
            merged[n++] = next;
        }
        return n == merged.length ? merged : Arrays.copyOf(merged, n);
    }

    /** How many distinct members the sketched set has: exact below {@code K}, else (K − 1) / (K-th smallest hash in [0, 1)). */
    public static int size(long[] sketch) {
        if (sketch.length < K) {
            return sketch.length;
        }
        double kth = ((double) sketch[K - 1] - (double) Long.MIN_VALUE) / 0x1p64;
        return (int) Math.round((K - 1) / Math.max(kth, 1e-12));
    }

    /**
     * How many members two sets of {@code sizeA} and {@code sizeB} members share: exact when both sketches hold their
     * whole set; otherwise Jaccard over the bottom-k of the union times the union's size.
     */
    public static int overlap(long[] a, int sizeA, long[] b, int sizeB) {
        long[] union = union(a, b);
        int both = 0;
        for (long hash : union) {
            if (Arrays.binarySearch(a, hash) >= 0 && Arrays.binarySearch(b, hash) >= 0) {
                both++;
            }
        }
        if (a.length < K && b.length < K) {
            return both;
        }
        double jaccard = union.length == 0 ? 0 : (double) both / union.length;
        return (int) Math.round(Math.min(Math.min(sizeA, sizeB), jaccard * (sizeA + sizeB) / (1 + jaccard)));
    }
}

package org.varsel.pipeline.correlate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Bottom-k MinHash sketches of shingle sets: one 64-bit hash per shingle, the sketch keeps the {@code k} smallest.
 * Two sketches estimate the Jaccard similarity of their sets, exactly when both sets have at most {@code k}
 * shingles (a tweet or a short post). The smallest hash is the content key: exact copies always share it, two texts
 * share it with probability equal to their Jaccard similarity. Hashes are fixed (FNV-1a 64, SplitMix64 finaliser), so
 * a sketch is the same on every JVM, across restarts and replays.
 */
public final class MinHash implements java.io.Serializable {
    private final int k;

    public MinHash(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("a MinHash sketch needs at least one hash, not " + k);
        }
        this.k = k;
    }

    public int size() {
        return k;
    }

    /** The {@code k} smallest shingle hashes, ascending (unsigned). */
    public long[] signature(Set<String> shingles) {
        long[] all = new long[shingles.size()];
        int n = 0;
        for (String shingle : shingles) {
            all[n++] = hash(shingle);
        }
        long[] distinct = Arrays.stream(all)
                .map(h -> h ^ Long.MIN_VALUE)
                .sorted()
                .distinct()
                .map(h -> h ^ Long.MIN_VALUE)
                .toArray();
        return distinct.length <= k ? distinct : Arrays.copyOf(distinct, k);
    }

    /** The key that groups near-duplicates: the smallest shingle hash. */
    public static String contentKey(long[] signature) {
        return signature.length == 0 ? "empty" : Long.toHexString(signature[0]);
    }

    /**
     * Estimated Jaccard similarity: among the {@code k} smallest hashes of both sketches together, the fraction that
     * both hold. Exact when neither set has more shingles than {@code k}.
     */
    public double similarity(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return a.length == b.length ? 1.0 : 0.0;
        }
        // A sketch shorter than k holds its whole set: then the merge runs to the end and the answer is exact.
        int limit = a.length >= k || b.length >= k ? k : Integer.MAX_VALUE;
        int i = 0;
        int j = 0;
        int union = 0;
        int both = 0;
        while (union < limit && (i < a.length || j < b.length)) {
            int order = i == a.length ? 1 : j == b.length ? -1 : Long.compareUnsigned(a[i], b[j]);
            if (order == 0) {
                both++;
                i++;
                j++;
            } else if (order < 0) {
                i++;
            } else {
                j++;
            }
            union++;
        }
        return (double) both / union;
    }

    static long hash(String shingle) {
        return mix(fnv1a(shingle));
    }

    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

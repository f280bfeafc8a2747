package org.varsel.pipeline.correlate;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Bottom-k MinHash sketches of shingle sets: one 64-bit hash per shingle, the sketch keeps the {@code k} smallest.
 * Two sketches estimate the Jaccard similarity of their sets, exactly when both sets have at most {@code k}
 * shingles (a tweet or a short post). The smallest hash is the content key: exact copies always share it, two texts
 * share it with probability equal to their Jaccard similarity. Hashes are fixed (FNV-1a 64, SplitMix64 finaliser), so
 * a sketch is the same on every JVM, across restarts and replays.
 */
public final class MinHash implements java.io.Serializable {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

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
        return smallestDistinct(all);
    }

    /**
     * The signature of the shingles {@link ShingledText#of} builds from {@code words} ({@code size} consecutive words
     * joined by a space; fewer words than that are one shingle), hashed as the words are read: no shingle strings, no
     * set. The same hashes as {@link #signature(Set)} over {@code ShingledText.of(text, size).shingles()}: a shingle
     * repeated in the text gives a repeated hash, and repeated hashes count once.
     */
    public long[] signature(List<String> words, int size) {
        int n = words.size();
        if (n == 0) {
            return new long[0];
        }
        if (n <= size) {
            return new long[] {mix(shingleHash(words, 0, n))};
        }
        long[] all = new long[n - size + 1];
        for (int i = 0; i < all.length; i++) {
            all[i] = mix(shingleHash(words, i, i + size));
        }
        return smallestDistinct(all);
    }

    /** FNV-1a of the words {@code from} to {@code to} joined by single spaces. */
    private static long shingleHash(List<String> words, int from, int to) {
        long h = fnv1a(FNV_OFFSET, words.get(from));
        for (int w = from + 1; w < to; w++) {
            h = fnv1a(h, ' ');
            h = fnv1a(h, words.get(w));
        }
        return h;
    }

    /** The {@code k} smallest distinct values of {@code hashes} in unsigned order (sorts {@code hashes} in place). */
    private long[] smallestDistinct(long[] hashes) {
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] ^= Long.MIN_VALUE;
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < hashes.length && distinct < k; i++) {
            if (distinct == 0 || hashes[i] != hashes[distinct - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        long[] smallest = Arrays.copyOf(hashes, distinct);
        for (int i = 0; i < distinct; i++) {
            smallest[i] ^= Long.MIN_VALUE;
        }
        return smallest;
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
        return fnv1a(FNV_OFFSET, s);
    }

    /**
     * Continues FNV-1a over the UTF-8 bytes of {@code s}, encoded as {@code String.getBytes(UTF_8)} encodes it (a
     * surrogate without its pair is {@code '?'}) but without the byte array.
     */
    static long fnv1a(long hash, String s) {
        long h = hash;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                h = fnv1a(h, c);
            } else if (c < 0x800) {
                h = fnv1a(h, 0xc0 | (c >> 6));
                h = fnv1a(h, 0x80 | (c & 0x3f));
            } else if (!Character.isSurrogate(c)) {
                h = fnv1a(h, 0xe0 | (c >> 12));
                h = fnv1a(h, 0x80 | ((c >> 6) & 0x3f));
                h = fnv1a(h, 0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                h = fnv1a(h, 0xf0 | (cp >> 18));
                h = fnv1a(h, 0x80 | ((cp >> 12) & 0x3f));
                h = fnv1a(h, 0x80 | ((cp >> 6) & 0x3f));
                h = fnv1a(h, 0x80 | (cp & 0x3f));
            } else {
                h = fnv1a(h, '?');
            }
        }
        return h;
    }

    private static long fnv1a(long hash, int octet) {
        return (hash ^ octet) * FNV_PRIME;
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package org.varsel.pipeline.nlp;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import opennlp.tools.ml.model.Context;

/**
 * The distinct character 1- to 3-grams of a detection sample and the model's weights for each, without a
 * {@code String} a gram, in exactly the order in which a {@code HashSet<String>} that is cleared and refilled for each
 * sample (the detector's old way) would give them back. The order matters: the detector adds each gram's weights to
 * 103 sums, and floating-point sums taken in another order differ in their last bits.
 *
 * <p>Such a set gives its elements bucket by bucket ({@code (h ^ h >>> 16) & (capacity - 1)} of the gram's
 * {@code String.hashCode}), each bucket in insertion order; its capacity never shrinks on {@code clear()}, so it
 * depends on every sample before. This class keeps that capacity as {@code HashMap} would (16 at the first gram, doubled
 * past three quarters full, or when a bucket reaches nine entries below 64 buckets). Only a bucket of nine entries at 64
 * buckets or more becomes a tree with an order of its own: then the grams go through a real set of the same capacity.
 * Not thread-safe: one per language identifier.
 */
final class CharacterGrams {

    private static final int FIRST_CAPACITY = 16;
    private static final int TREEIFY = 9;
    private static final int MIN_TREE_CAPACITY = 64;

    private final GramContexts model;
    /** The capacity the old set would have now: 0 until its first gram. */
    private int capacity;

    private int[] head = new int[0];
    private int[] tail = new int[0];
    private int[] bucketSize = new int[0];
    private long[] keys = new long[64];
    private int[] hashes = new int[64];
    private int[] next = new int[64];
    private int size;
    private boolean tree;
    private Context[] contexts = new Context[64];

    CharacterGrams(GramContexts model) {
        this.model = model;
    }

    /** The capacity a {@code HashSet} refilled with every sample so far would have. */
    int capacity() {
        return capacity;
    }

    /**
     * The model's weights of {@code sample}'s distinct grams ({@code null} for a gram it does not know), in the old
     * set's iteration order.
     */
    Context[] of(String sample) {
        int before = capacity;
        size = 0;
        tree = false;
        Arrays.fill(head, 0, capacity, -1);
        Arrays.fill(bucketSize, 0, capacity, 0);
        int n = sample.length();
        for (int len = 1; len <= GramContexts.MAX_GRAM; len++) {
            for (int k = 0; k + len <= n; k++) {
                int hash = 0;
                for (int i = k; i < k + len; i++) {
                    hash = 31 * hash + sample.charAt(i); // String.hashCode of the gram
                }
                add(GramContexts.key(sample, k, k + len), hash ^ (hash >>> 16));
            }
        }
        return tree ? throughRealSet(sample, before) : inBucketOrder();
    }

    private void add(long key, int spread) {
        if (capacity == 0) {
            resize(FIRST_CAPACITY);
        }
        int b = spread & (capacity - 1);
        for (int e = head[b]; e >= 0; e = next[e]) {
            if (keys[e] == key) {
                return;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
            next = Arrays.copyOf(next, size * 2);
            contexts = Arrays.copyOf(contexts, size * 2);
        }
        int e = size++;
        keys[e] = key;
        hashes[e] = spread;
        contexts[e] = model.get(key);
        append(b, e);
        if (bucketSize[b] >= TREEIFY) {
            if (capacity < MIN_TREE_CAPACITY) {
                resize(capacity * 2);
            } else {
                tree = true;
            }
        }
        if (size > capacity / 4 * 3) {
            resize(capacity * 2);
        }
    }

    private void append(int b, int e) {
        next[e] = -1;
        if (head[b] < 0) {
            head[b] = e;
        } else {
            next[tail[b]] = e;
        }
        tail[b] = e;
        bucketSize[b]++;
    }

    /** Doubles the table as {@code HashMap.resize} does: each bucket splits in two and keeps its order. */
    private void resize(int newCapacity) {
        int[] oldHead = head;
        int oldCapacity = capacity;
        int[] order = new int[size];
        int n = 0;
        for (int b = 0; b < oldCapacity; b++) {
            for (int e = oldHead[b]; e >= 0; e = next[e]) {
                order[n++] = e;
            }
        }
        capacity = newCapacity;
        if (head.length < capacity) {
            head = new int[capacity];
            tail = new int[capacity];
            bucketSize = new int[capacity];
        }
        Arrays.fill(head, 0, capacity, -1);
        Arrays.fill(bucketSize, 0, capacity, 0);
        for (int i = 0; i < n; i++) {
            append(hashes[order[i]] & (capacity - 1), order[i]);
        }
    }

    private Context[] inBucketOrder() {
        Context[] ordered = new Context[size];
        int n = 0;
        for (int b = 0; b < capacity; b++) {
            for (int e = head[b]; e >= 0; e = next[e]) {
                ordered[n++] = contexts[e];
            }
        }
        return ordered;
    }

    /** A tree bin: the order of a real set that had {@code before} buckets (0: a new set) when the sample began. */
    private Context[] throughRealSet(String sample, int before) {
        Set<String> grams = new HashSet<>(before == 0 ? FIRST_CAPACITY : before);
        int n = sample.length();
        for (int len = 1; len <= GramContexts.MAX_GRAM; len++) {
            for (int k = 0; k + len <= n; k++) {
                grams.add(sample.substring(k, k + len));
            }
        }
        Context[] ordered = new Context[grams.size()];
        int i = 0;
        for (String gram : grams) {
            ordered[i++] = model.get(GramContexts.key(gram, 0, gram.length()));
        }
        return ordered;
    }
}

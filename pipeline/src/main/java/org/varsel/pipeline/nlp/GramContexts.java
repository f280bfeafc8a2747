package org.varsel.pipeline.nlp;

import java.lang.ref.WeakReference;
import java.util.Map;
import opennlp.tools.ml.model.Context;

/**
 * The language detector's character 1- to 3-gram predicates keyed by their characters packed into one {@code long}
 * (the length and up to three UTF-16 units: exact, no two grams share a key), in an open-addressing table built once a
 * model. OpenNLP's map is keyed by {@code String}: a gram is cut out of the sample to be looked up, and 28 % of the
 * model's 146,000 grams share their full {@code String.hashCode} with another (for three characters it is
 * {@code 961 a + 31 b + c}), so a look-up compares strings along a chain or down a tree bin (issue 20's profile:
 * {@code HashMap$TreeNode.getTreeNode} under the detector).
 */
final class GramContexts {

    static final int MAX_GRAM = 3;
    private static final long EMPTY = 0L;

    private static WeakReference<Map<String, Context>> lastMap = new WeakReference<>(null);

    private static GramContexts lastContexts;

    private final long[] keys;
    private final Context[] contexts;
    private final int mask;

    private GramContexts(long[] keys, Context[] contexts) {
        this.keys = keys;
        this.contexts = contexts;
        this.mask = keys.length - 1;
    }

    /** The table of {@code predicates} (a model's predicate map), built on first use and shared while it lives. */
    static synchronized GramContexts of(Map<String, Context> predicates) {
        if (lastMap.get() != predicates) {
            lastContexts = build(predicates);
            lastMap = new WeakReference<>(predicates);
        }
        return lastContexts;
    }

    private static GramContexts build(Map<String, Context> predicates) {
        int grams = 0;
        for (String key : predicates.keySet()) {
            grams += key.length() >= 1 && key.length() <= MAX_GRAM ? 1 : 0;
        }
        int capacity = Integer.highestOneBit(Math.max(2, grams * 2 - 1)) << 1;
        long[] keys = new long[capacity];
        Context[] contexts = new Context[capacity];
        for (Map.Entry<String, Context> entry : predicates.entrySet()) {
            String gram = entry.getKey();
            if (gram.length() < 1 || gram.length() > MAX_GRAM) {
                continue; // never looked up: the detector's grams are 1 to 3 characters long
            }
            long key = key(gram, 0, gram.length());
            int s = slot(key, capacity - 1);
            while (keys[s] != EMPTY) {
                s = (s + 1) & (capacity - 1);
            }
            keys[s] = key;
            contexts[s] = entry.getValue();
        }
        return new GramContexts(keys, contexts);
    }

    /** The weights of the gram with packed {@code key}, or {@code null} when the model does not know it. */
    Context get(long key) {
        for (int s = slot(key, mask); ; s = (s + 1) & mask) {
            long k = keys[s];
            if (k == key) {
                return contexts[s];
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    /** The packed key of {@code text[from, to)}, 1 to {@link #MAX_GRAM} characters. */
    static long key(CharSequence text, int from, int to) {
        long key = (long) (to - from) << 48;
        for (int i = from; i < to; i++) {
            key |= (long) text.charAt(i) << (16 * (i - from));
        }
        return key;
    }

    /** MurmurHash3's 64-bit finaliser: packed keys differ in few bits, and often only in the high ones. */
    private static int slot(long key, int mask) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}

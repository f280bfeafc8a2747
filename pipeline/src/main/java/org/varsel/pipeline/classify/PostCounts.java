package org.varsel.pipeline.classify;

import java.util.Arrays;
import java.util.Map;

/**
 * How many training posts use each known word, in one flat open-addressing table over one array of letters. Every
 * word of every signal is looked up here by the classifier's features and the rules' obfuscation repair, and
 * {@link CompoundWords} looks up each prefix of a long word: a {@code Map.of} table chased a key object and its bytes
 * per probe, and each prefix cost a new substring (docs/performance.md, issue 20). Here a probe compares a stored hash,
 * then the letters in place; a word inside a longer text is looked up without cutting it out.
 */
final class PostCounts {
    /** Per slot: the word's hash, where its letters start (-1: empty slot), its length, its posts. */
    private static final int SLOT = 4;

    private final char[] letters;
    private final int[] slots;
    private final int mask;

    private PostCounts(char[] letters, int[] slots) {
        this.letters = letters;
        this.slots = slots;
        this.mask = slots.length / SLOT - 1;
    }

    /** The table of {@code words} (word → posts). */
    static PostCounts of(Map<String, Integer> words) {
        // the power of two at or above 1.5 times the words: at most two thirds full, so a miss ends after a few probes
        int capacity = Integer.highestOneBit(Math.max(2, words.size() * 3 / 2 - 1)) << 1;
        int[] slots = new int[capacity * SLOT];
        for (int s = 0; s < capacity; s++) {
            slots[s * SLOT + 1] = -1;
        }
        char[] letters =
                new char[words.keySet().stream().mapToInt(String::length).sum()];
        int end = 0;
        for (Map.Entry<String, Integer> entry : words.entrySet()) {
            String word = entry.getKey();
            word.getChars(0, word.length(), letters, end);
            int hash = word.hashCode();
            int s = spread(hash) & (capacity - 1);
            while (slots[s * SLOT + 1] >= 0) {
                s = (s + 1) & (capacity - 1);
            }
            slots[s * SLOT] = hash;
            slots[s * SLOT + 1] = end;
            slots[s * SLOT + 2] = word.length();
            slots[s * SLOT + 3] = entry.getValue();
            end += word.length();
        }
        return new PostCounts(Arrays.copyOf(letters, end), slots);
    }

    /** True when {@code word} is known. */
    boolean contains(String word) {
        return find(word, 0, word.length(), word.hashCode()) >= 0;
    }

    /** The posts that use {@code word}; 0 for a word not known. */
    int posts(String word) {
        return postsAt(find(word, 0, word.length(), word.hashCode()));
    }

    /** The posts that use the word {@code text[from, to)}; 0 for a word not known. */
    int posts(String text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text.charAt(i); // String.hashCode of the substring
        }
        return postsAt(find(text, from, to, hash));
    }

    private int postsAt(int slot) {
        return slot < 0 ? 0 : slots[slot * SLOT + 3];
    }

    /** The slot of {@code text[from, to)}, or -1. */
    private int find(String text, int from, int to, int hash) {
        int length = to - from;
        for (int s = spread(hash) & mask; ; s = (s + 1) & mask) {
            int at = s * SLOT;
            int start = slots[at + 1];
            if (start < 0) {
                return -1;
            }
            if (slots[at] == hash && slots[at + 2] == length && sameLetters(start, text, from, length)) {
                return s;
            }
        }
    }

    private boolean sameLetters(int start, String text, int from, int length) {
        for (int i = 0; i < length; i++) {
            if (letters[start + i] != text.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}

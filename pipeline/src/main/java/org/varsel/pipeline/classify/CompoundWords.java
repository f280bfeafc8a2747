package org.varsel.pipeline.classify;

import java.util.List;

/**
 * Splits a long word no training post uses into two words they do use, with a Danish linking "e" or "s" allowed
 * between ("idiotparti" → idiot + parti, "lortesnak" → lort + snak, "racistsvin" → racist + svin): Danish writes
 * compounds as one word, so most of its words are rare, but their parts are not.
 */
final class CompoundWords {

    static final int MIN_WORD = 8;
    private static final int MIN_PART = 3;
    /** A part as common as this is a word, not a chance string of letters. */
    private static final int MIN_PART_POSTS = 5;

    private static final CompoundWords BUNDLED = new CompoundWords(KnownWords.bundled());

    private final PostCounts known;

    CompoundWords(PostCounts known) {
        this.known = known;
    }

    static CompoundWords bundled() {
        return BUNDLED;
    }

    /** The two parts of {@code word} (lower case, folded), the longest first part first; none for a known word. */
    List<String> parts(String word) {
        int n = word.length();
        if (n < MIN_WORD || known.contains(word)) {
            return List.of();
        }
        // parts are looked up in place: most cuts give no word, and a substring for each was most of the cost
        for (int cut = n - MIN_PART; cut >= MIN_PART; cut--) {
            if (!common(word, 0, cut)) {
                continue;
            }
            if (common(word, cut, n)) {
                return List.of(word.substring(0, cut), word.substring(cut));
            }
            char link = word.charAt(cut);
            if ((link == 'e' || link == 's') && n - cut - 1 >= MIN_PART && common(word, cut + 1, n)) {
                return List.of(word.substring(0, cut), word.substring(cut + 1));
            }
        }
        return List.of();
    }

    private boolean common(String word, int from, int to) {
        return known.posts(word, from, to) >= MIN_PART_POSTS;
    }
}

package org.varsel.pipeline.rules;

/**
 * The first words of a text, split at white space as {@code text.substring(0, end).trim().split("\\s+")} splits the
 * text before any {@code end}, read once: the checks at each of a text's colons read the words before it here, in
 * place, instead of splitting a copy of the text before every colon (quadratic on a long text with many colons).
 */
final class OpeningWords {
    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final int count;

    /** Reads up to {@code limit} + 1 words: enough to tell that more than {@code limit} stand before an end. */
    OpeningWords(String text, int limit) {
        this.text = text;
        this.starts = new int[limit + 1];
        this.ends = new int[limit + 1];
        int at = 0;
        while (at < text.length() && text.charAt(at) <= ' ') {
            at++; // String.trim's start: every control character, not only white space
        }
        int n = 0;
        while (n <= limit && at < text.length()) {
            starts[n] = at;
            while (at < text.length() && !splitsWords(text.charAt(at))) {
                at++;
            }
            ends[n++] = at;
            while (at < text.length() && splitsWords(text.charAt(at))) {
                at++;
            }
        }
        this.count = n;
    }

    /**
     * How many words stand before {@code end} in the text trimmed there: {@code limit} + 1 when more than {@code limit}
     * do, 0 when none does (where {@code split} would give one empty word).
     */
    int countBefore(int end) {
        int trimmedEnd = trimmedEnd(end);
        int n = 0;
        while (n < count && starts[n] < trimmedEnd) {
            n++;
        }
        return n;
    }

    /** Where word {@code i} starts. */
    int start(int i) {
        return starts[i];
    }

    /** Where word {@code i} ends in the text trimmed at {@code end}: the last word before it ends there. */
    int end(int i, int end) {
        return Math.min(ends[i], trimmedEnd(end));
    }

    /** {@code end} moved back over what String.trim removes. */
    private int trimmedEnd(int end) {
        while (end > 0 && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }

    /** The characters of the regular expression {@code \s}: what {@code split("\\s+")} splits at. */
    private static boolean splitsWords(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}

package org.varsel.pipeline.rules;

/**
 * Where a sentence of a text starts and ends, as the rules' analysis reads sentences ({@link SentenceStartFilter}): a
 * sentence ends at {@code . ! ? : ; …} or a line break, so a headline's "BREAKING:" is a sentence of its own.
 */
public final class Sentences {

    /** The characters that end a sentence. */
    static final String ENDS = ".!?:;\n\u2026";

    /**
     * {@link #ENDS} by character, up to the largest: asked of every character the report mark's sentences span,
     * {@code ENDS.indexOf} was 2.6 % of matching (docs/performance.md, session 24).
     */
    private static final boolean[] END_MARKS = endMarks();

    private Sentences() {}

    /** Whether {@code c} ends a sentence: one of {@link #ENDS}. */
    static boolean isEnd(char c) {
        return c < END_MARKS.length && END_MARKS[c];
    }

    /** Where the sentence holding the character at {@code at} starts: after the last sentence end before it. */
    public static int startOf(CharSequence text, int at) {
        int i = Math.min(at, text.length()) - 1;
        while (i >= 0 && !isEnd(text.charAt(i))) {
            i--;
        }
        return i + 1;
    }

    /** Where the sentence holding the character at {@code at} ends: just after its end mark, or at the text's end. */
    public static int endOf(CharSequence text, int at) {
        int i = Math.max(at, 0);
        while (i < text.length() && !isEnd(text.charAt(i))) {
            i++;
        }
        return Math.min(i + 1, text.length());
    }

    private static boolean[] endMarks() {
        boolean[] marks = new boolean[ENDS.chars().max().orElseThrow() + 1];
        ENDS.chars().forEach(c -> marks[c] = true);
        return marks;
    }
}

package org.varsel.pipeline.rules;

/**
 * Where a sentence of a text starts and ends, as the rules' analysis reads sentences ({@link SentenceStartFilter}): a
 * sentence ends at {@code . ! ? : ; …} or a line break, so a headline's "BREAKING:" is a sentence of its own.
 */
public final class Sentences {

    /** The characters that end a sentence. */
    static final String ENDS = ".!?:;\n\u2026";

    private Sentences() {}

    /** Where the sentence holding the character at {@code at} starts: after the last sentence end before it. */
    public static int startOf(CharSequence text, int at) {
        int i = Math.min(at, text.length()) - 1;
        while (i >= 0 && ENDS.indexOf(text.charAt(i)) < 0) {
            i--;
        }
        return i + 1;
    }

    /** Where the sentence holding the character at {@code at} ends: just after its end mark, or at the text's end. */
    public static int endOf(CharSequence text, int at) {
        int i = Math.max(at, 0);
        while (i < text.length() && ENDS.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return Math.min(i + 1, text.length());
    }
}

package org.varsel.pipeline.rules;

import java.util.function.Supplier;

/**
 * Where each token of a stream stands in the text the tokenizer read (after obfuscation folding), for the filters
 * placed straight after the tokenizer: there tokens are substrings of that text in order, so the first occurrence of
 * a token from the end of the last one found is that token.
 */
final class TokenPositions {
    private final Supplier<String> text;
    private int end;

    /** {@code text} gives the text the tokenizer reads, once the first token is read. */
    TokenPositions(Supplier<String> text) {
        this.text = text;
    }

    /** The text the tokenizer read. */
    String text() {
        return text.get();
    }

    /** Where the last token found ends (0 before the first). */
    int lastEnd() {
        return end;
    }

    /**
     * Where {@code word}, the token just read, starts in the text, and the next search starts after it; -1 when the
     * text does not hold it from the last token's end (the position is then left where it was).
     */
    int find(String word) {
        int start = text.get().indexOf(word, end);
        if (start >= 0) {
            end = start + word.length();
        }
        return start;
    }

    /** A new document: the search starts at the text's beginning. */
    void reset() {
        end = 0;
    }
}

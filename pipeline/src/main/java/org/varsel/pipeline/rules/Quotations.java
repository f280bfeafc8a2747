package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds quoted passages in a text: a hit whose every matched word lies inside quotation marks, in a text that says
 * something besides the quote, is someone quoting the words, not saying them.
 */
final class Quotations {

    /** Fewest words outside the quotes for the text to be more than the quote itself. */
    static final int MIN_WORDS_OUTSIDE = 3;

    private Quotations() {}

    /** True when every matched term lies inside one quoted passage and the text has words outside the quotes. */
    static boolean quotesAll(String text, List<MatchedTerm> terms) {
        if (terms.isEmpty() || text.indexOf('"') < 0 && text.indexOf('\'') < 0 && !hasTypographicQuote(text)) {
            return false;
        }
        List<int[]> quotes = spans(text);
        if (quotes.isEmpty()) {
            return false;
        }
        for (MatchedTerm t : terms) {
            if (quotes.stream().noneMatch(q -> q[0] <= t.start() && t.end() <= q[1])) {
                return false;
            }
        }
        return wordsOutside(text, quotes) >= MIN_WORDS_OUTSIDE;
    }

    private static boolean hasTypographicQuote(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (closing(text.charAt(i)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Passages between an opening mark and its closing mark; a single quote opens only at a word's start. */
    static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char close = closing(c);
            boolean opens = close != 0 && (c != '\'' || i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
            if (opens) {
                int end = closeOf(text, i + 1, close);
                if (end > i + 1) {
                    spans.add(new int[] {i + 1, end});
                    i = end + 1;
                    continue;
                }
            }
            i++;
        }
        return spans;
    }

    private static int closeOf(String text, int from, char close) {
        for (int j = from; j < text.length(); j++) {
            // an apostrophe inside a word (don't, I’ll) does not close a single-quoted passage; typographic text
            // writes its apostrophe as the closing mark ’ itself
            if (text.charAt(j) == close
                    && (!apostrophe(close) || j + 1 == text.length() || !Character.isLetter(text.charAt(j + 1)))) {
                return j;
            }
        }
        return -1;
    }

    private static boolean apostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private static char closing(char open) {
        switch (open) {
            case '"':
                return '"';
            case '\'':
                return '\'';
            case '\u201C':
                return '\u201D'; // “ ”
            case '\u201E':
                return '\u201C'; // „ “
            case '\u00AB':
                return '\u00BB'; // « »
            case '\u00BB':
                return '\u00AB'; // » « (Danish)
            case '\u2018':
                return '\u2019'; // ‘ ’
            default:
                return 0;
        }
    }

    private static int wordsOutside(String text, List<int[]> quotes) {
        StringBuilder outside = new StringBuilder();
        int at = 0;
        for (int[] q : quotes) {
            outside.append(text, at, Math.max(at, q[0] - 1)).append(' ');
            at = Math.min(text.length(), q[1] + 1);
        }
        outside.append(text.substring(Math.min(at, text.length())));
        int words = 0;
        for (String w : outside.toString().split("[^\\p{L}\\p{N}]+")) {
            words += w.isEmpty() ? 0 : 1;
        }
        return words;
    }
}

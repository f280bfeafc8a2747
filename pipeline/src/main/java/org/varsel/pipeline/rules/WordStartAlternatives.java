package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A case-insensitive pattern of alternatives that are tried only where a word starts: {@code \b(?=\p{L})(?:a|b|...)}.
 * That gives the same matches as {@code \b(?:a)|\b(?:b)|...} only while every alternative opens with a letter; one
 * that opened with a digit, a space, a quote or an optional part would silently lose its matches, so {@link #compile}
 * refuses it with the alternatives named.
 *
 * <p>"Opens with a letter" is read from the pattern's text, conservatively: the first thing an alternative consumes
 * must be a letter written as itself or {@code \p{L}}, or a group each of whose alternatives opens so; zero-width
 * look-arounds before it are passed by, and a first letter or group that may be skipped ({@code ?}, {@code *},
 * {@code {0,}}) counts as not opening with a letter.
 */
final class WordStartAlternatives {

    private WordStartAlternatives() {}

    /**
     * The pattern that tries {@code alternatives} ({@code a|b|...}, each written without its leading {@code \b}) where
     * a word starts, case-insensitive.
     *
     * @throws IllegalArgumentException when an alternative may open with anything but a letter
     */
    static Pattern compile(String alternatives) {
        List<String> bad = notOpeningWithALetter(alternatives);
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("alternatives tried only where a word starts must each open with a"
                    + " letter, or they silently lose their matches; these do not: " + bad);
        }
        return Pattern.compile("\\b(?=\\p{L})(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE);
    }

    /** The top-level alternatives of {@code alternatives} that may open with anything but a letter. */
    static List<String> notOpeningWithALetter(String alternatives) {
        List<String> bad = new ArrayList<>();
        for (String alternative : topLevel(alternatives)) {
            if (!opensWithALetter(alternative)) {
                bad.add(alternative);
            }
        }
        return bad;
    }

    private static boolean opensWithALetter(String alternative) {
        int i = 0;
        while (i < alternative.length()) {
            char c = alternative.charAt(i);
            if (c == '(') {
                int close = closingParenthesis(alternative, i);
                String head = alternative.substring(i, close + 1);
                if (head.startsWith("(?=")
                        || head.startsWith("(?!")
                        || head.startsWith("(?<=")
                        || head.startsWith("(?<!")) {
                    i = close + 1; // zero-width: the next element is the first one consumed
                    continue;
                }
                int body = head.startsWith("(?:") ? 3 : head.startsWith("(?") ? head.length() : 1;
                if (body >= head.length() || mayBeSkipped(alternative, close + 1)) {
                    return false; // a flag group, a named group or an optional group: not read here
                }
                String inside = head.substring(body, head.length() - 1);
                return !inside.isEmpty() && notOpeningWithALetter(inside).isEmpty();
            }
            if (alternative.startsWith("\\p{L}", i)) {
                return !mayBeSkipped(alternative, i + 5);
            }
            return Character.isLetter(c) && !mayBeSkipped(alternative, i + 1);
        }
        return false;
    }

    /** Whether the element that ends before {@code at} carries a quantifier that allows it zero times. */
    private static boolean mayBeSkipped(String pattern, int at) {
        return pattern.startsWith("?", at) || pattern.startsWith("*", at) || pattern.startsWith("{0", at);
    }

    /** The alternatives at the top level of {@code pattern}: split at each {@code |} outside groups and classes. */
    private static List<String> topLevel(String pattern) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (Elements elements = new Elements(pattern, 0); elements.hasNext(); ) {
            int at = elements.at();
            char c = elements.next();
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(pattern.substring(start, at));
                start = at + 1;
            }
        }
        parts.add(pattern.substring(start));
        return parts;
    }

    private static int closingParenthesis(String pattern, int open) {
        int depth = 0;
        for (Elements elements = new Elements(pattern, open); elements.hasNext(); ) {
            int at = elements.at();
            char c = elements.next();
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return at;
            }
        }
        throw new IllegalArgumentException("unbalanced parenthesis in " + pattern);
    }

    /**
     * The {@code ]} that closes the character class opened at {@code open}: a {@code ]} right after the {@code [} is
     * one of its characters, as Java reads it, and a nested class is passed by whole.
     */
    private static int closingBracket(String pattern, int open) {
        for (Elements elements = new Elements(pattern, open + 1); elements.hasNext(); ) {
            int at = elements.at();
            if (elements.next() == ']' && at > open + 1) {
                return at;
            }
        }
        throw new IllegalArgumentException("unclosed character class in " + pattern);
    }

    /**
     * A pattern's text read one element at a time, where an escape ({@code \x}) and a character class ({@code [...]},
     * nested ones with it) are one element each, so that a {@code |}, a parenthesis or a bracket inside them is not read
     * as the pattern's own.
     */
    private static final class Elements {
        private final String pattern;
        private int at;

        Elements(String pattern, int from) {
            this.pattern = pattern;
            this.at = from;
        }

        boolean hasNext() {
            return at < pattern.length();
        }

        /** Where the next element starts. */
        int at() {
            return at;
        }

        /** The next element's first character ({@code \} for an escape, {@code [} for a class), and the walk past it. */
        char next() {
            char c = pattern.charAt(at);
            at = c == '\\' ? at + 2 : c == '[' ? closingBracket(pattern, at) + 1 : at + 1;
            return c;
        }
    }
}

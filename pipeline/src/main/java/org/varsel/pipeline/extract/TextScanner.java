package org.varsel.pipeline.extract;

/**
 * Boundaries of URLs, mentions and hashtags inside free text, shared by extraction, normalisation and
 * language detection so that all three agree on what a URL or a mention is.
 */
public final class TextScanner {

    private TextScanner() {}

    /** Whether a URL ({@code http://}, {@code https://} or {@code www.}) starts at {@code i}. */
    public static boolean startsUrl(CharSequence s, int i) {
        if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            return false;
        }
        if (regionMatchesIgnoreCase(s, i, "https://") || regionMatchesIgnoreCase(s, i, "http://")) {
            return true;
        }
        return regionMatchesIgnoreCase(s, i, "www.")
                && i + 4 < s.length()
                && Character.isLetterOrDigit(s.charAt(i + 4));
    }

    /**
     * The end (exclusive) of the URL starting at {@code i}: up to whitespace or a quote, without trailing
     * sentence punctuation and without a closing bracket that the URL did not open.
     */
    public static int urlEnd(CharSequence s, int i) {
        int end = i;
        int n = s.length();
        while (end < n) {
            char c = s.charAt(end);
            if (Character.isWhitespace(c)
                    || Character.isISOControl(c)
                    || c == '"'
                    || c == '<'
                    || c == '>'
                    || c == '\u201C'
                    || c == '\u201D'
                    || c == '\u2018'
                    || c == '\u2019'
                    || c == '\u2026'
                    || c == '\u00AB'
                    || c == '\u00BB'
                    || c == '\u3000'
                    || c == '\uFFFD') {
                break;
            }
            end++;
        }
        while (end > i) {
            char c = s.charAt(end - 1);
            if (".,;:!?'*".indexOf(c) >= 0) {
                end--;
            } else if (c == ')' && count(s, i, end, '(') < count(s, i, end, ')')) {
                end--;
            } else if (c == ']' && count(s, i, end, '[') < count(s, i, end, ']')) {
                end--;
            } else if (c == '}' && count(s, i, end, '{') < count(s, i, end, '}')) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    /** The index of the next whitespace at or after {@code i}, or the length. */
    public static int skipNonSpace(CharSequence s, int i) {
        int n = s.length();
        while (i < n && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether a mention ({@code @handle}, not an e-mail address) starts at {@code i}. */
    public static boolean isHandleStart(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c != '@' && c != '\uFF20') {
            return false;
        }
        if (i > 0 && isHandleChar(s.charAt(i - 1))) {
            return false;
        }
        return i + 1 < s.length() && isHandleChar(s.charAt(i + 1)) && s.charAt(i + 1) != '.';
    }

    /**
     * The end (exclusive) of the mention starting at {@code i}: letters, digits, '_' and inner '.' (as on
     * Instagram, TikTok and Bluesky), plus a Mastodon/fediverse {@code @user@host} suffix.
     */
    public static int handleEnd(CharSequence s, int i) {
        int end = consumeHandle(s, i + 1);
        if (end + 1 < s.length() && s.charAt(end) == '@' && isHandleChar(s.charAt(end + 1))) {
            int hostEnd = consumeHandle(s, end + 1);
            if (hostEnd > end + 1 && containsDot(s, end + 1, hostEnd)) {
                end = hostEnd;
            }
        }
        return end;
    }

    /** Whether a hashtag starts at {@code i}: '#', not inside a word or an HTML entity, with a letter. */
    public static boolean isHashtagStart(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c != '#' && c != '\uFF03') {
            return false;
        }
        if (i > 0) {
            char before = s.charAt(i - 1);
            if (Character.isLetterOrDigit(before) || before == '&' || before == '_' || before == '#') {
                return false;
            }
        }
        int end = hashtagEnd(s, i);
        for (int k = i + 1; k < end; k++) {
            if (Character.isLetter(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** The end (exclusive) of the hashtag whose '#' is at {@code i}. */
    public static int hashtagEnd(CharSequence s, int i) {
        int end = i + 1;
        int n = s.length();
        while (end < n) {
            char c = s.charAt(end);
            if (Character.isLetterOrDigit(c)
                    || c == '_'
                    || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    private static int consumeHandle(CharSequence s, int start) {
        int end = start;
        int n = s.length();
        while (end < n
                && (isHandleChar(s.charAt(end))
                        || (s.charAt(end) == '.' && end + 1 < n && isHandleChar(s.charAt(end + 1))))) {
            end++;
        }
        return end;
    }

    private static boolean isHandleChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean containsDot(CharSequence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '.') {
                return true;
            }
        }
        return false;
    }

    private static int count(CharSequence s, int from, int to, char c) {
        int count = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == c) {
                count++;
            }
        }
        return count;
    }

    private static boolean regionMatchesIgnoreCase(CharSequence s, int i, String lowerPrefix) {
        if (i + lowerPrefix.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < lowerPrefix.length(); k++) {
            if (Character.toLowerCase(s.charAt(i + k)) != lowerPrefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}

package org.varsel.pipeline.nlp;

import org.varsel.pipeline.extract.TextScanner;

/**
 * The bounded, cleaned, lower-case prefix of a text that language detection reads. It mirrors the
 * normalisers OpenNLP's detector was trained behind (no URLs, mentions, hashtags, digits or emoji;
 * letters repeated three or more times squeezed to two; single spaces) in one pass without regexes.
 */
record DetectionSample(String text, int letters) {

    static DetectionSample of(String text, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 1);
        int letters = 0;
        int i = 0;
        int n = text.length();
        while (i < n && out.length() < maxChars) {
            char c = text.charAt(i);
            if (TextScanner.startsUrl(text, i)
                    || TextScanner.isHandleStart(text, i)
                    || TextScanner.isHashtagStart(text, i)) {
                i = TextScanner.skipNonSpace(text, i);
                appendSpace(out);
                continue;
            }
            int type = Character.getType(c);
            boolean keep = Character.isLetter(c)
                    || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.OTHER_PUNCTUATION
                    || type == Character.DASH_PUNCTUATION
                    || type == Character.START_PUNCTUATION
                    || type == Character.END_PUNCTUATION
                    || type == Character.INITIAL_QUOTE_PUNCTUATION
                    || type == Character.FINAL_QUOTE_PUNCTUATION;
            if (!keep) {
                appendSpace(out);
                i++;
                continue;
            }
            char lower = Character.toLowerCase(c);
            int len = out.length();
            if (len >= 2 && out.charAt(len - 1) == lower && out.charAt(len - 2) == lower) {
                i++;
                continue;
            }
            out.append(lower);
            if (Character.isLetter(c)) {
                letters++;
            }
            i++;
        }
        // Do not end inside a word: a cut word is a different word to a character n-gram model.
        if (i < n && out.length() >= maxChars) {
            int lastSpace = out.lastIndexOf(" ");
            if (lastSpace > maxChars / 2) {
                for (int k = lastSpace; k < out.length(); k++) {
                    if (Character.isLetter(out.charAt(k))) {
                        letters--;
                    }
                }
                out.setLength(lastSpace);
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return new DetectionSample(out.substring(0, end), letters);
    }

    private static void appendSpace(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }
}

package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.varsel.pipeline.nlp.DictionaryWords;
import org.varsel.pipeline.nlp.ScriptFolding;

/**
 * A post's text reduced to what near-duplicate detection compares: lower case, without URLs, mentions, a
 * leading retweet marker and punctuation, as the set of its word shingles. Words come from every script: text
 * written without spaces (Myanmar, Thai, Lao, Khmer, CJK) is split by ICU's dictionaries, and words outside the
 * Latin script are ICU-normalised ({@link ScriptFolding}); Latin words are split and compared as before.
 */
public record ShingledText(List<String> words, Set<String> shingles) {
    static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{N}_.]+");

    /** Shingles of {@code size} consecutive words; a text shorter than that is one shingle. */
    public static ShingledText of(String text, int size) {
        List<String> words = normalisedWords(text);
        Set<String> shingles = new LinkedHashSet<>();
        if (!words.isEmpty() && words.size() <= size) {
            shingles.add(String.join(" ", words));
        }
        for (int i = 0; i + size <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + size)));
        }
        return new ShingledText(words, shingles);
    }

    /** The text's words as {@link #of} shingles them; empty for null. */
    public static List<String> normalisedWords(String text) {
        if (text == null) {
            return List.of();
        }
        String stripped = mayHoldUrl(text) ? URL.matcher(text).replaceAll(" ") : text;
        if (stripped.indexOf('@') >= 0) {
            stripped = MENTION.matcher(stripped).replaceAll(" ");
        }
        String lower = stripped.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int n = lower.length();
        int i = 0;
        while (i < n) {
            int start = i;
            int cp;
            while (i < n && isWordCodePoint(cp = lower.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            if (i > start) {
                DictionaryWords.split(ScriptFolding.fold(lower.substring(start, i)), word -> {
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                });
            } else {
                i += Character.charCount(lower.codePointAt(i));
            }
        }
        // "RT @someone: text" is the retweeted text: the marker says nothing about the content.
        if (!words.isEmpty() && words.get(0).equals("rt")) {
            words.remove(0);
        }
        return words;
    }

    /**
     * Whether {@link #URL} can match: each of its matches holds {@code ://} or {@code www.} in ASCII letters of either
     * case. Many posts hold neither (43 % of the IRA tweets), and an expression that finds nothing still costs a scan
     * with a word boundary test at every character (the URL and mention expressions were 0.9 % of the pipeline's CPU).
     */
    private static boolean mayHoldUrl(String text) {
        if (text.contains("://")) {
            return true;
        }
        for (int dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (text.regionMatches(true, dot - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A code point of a word: a letter, a mark or a number ({@code \\p{L}}, {@code \\p{M}}, {@code \\p{N}} as
     * {@link Pattern} reads them); words are the runs of these, found without a regular expression. Marks belong to
     * their word: Myanmar, Thai and Indic vowel signs are marks, and a split at them splits syllables.
     */
    static boolean isWordCodePoint(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** The exact Jaccard similarity of two shingle sets (what MinHash estimates). */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        int common = 0;
        for (String s : a) {
            if (b.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}

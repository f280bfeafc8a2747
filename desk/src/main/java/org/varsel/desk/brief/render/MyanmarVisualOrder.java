package org.varsel.desk.brief.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Burmese text in the order its glyphs are drawn, for the PDF renderer, which applies no OpenType shaping: Unicode
 * stores the vowel sign E (U+1031) and the medial RA (U+103C) after the consonant they belong to, but they are drawn
 * before it. Without this, "မော" printed as "မ" + "ေ" + "ာ". Stacked consonants (U+1039) still print unstacked.
 */
final class MyanmarVisualOrder {
    /** A consonant (or independent vowel), an optional stacked one, its medials, then the vowel sign E if any. */
    private static final Pattern SYLLABLE = Pattern.compile(
            "([\\u1000-\\u102A\\u103F\\u104E])((?:\\u1039[\\u1000-\\u1021])?)([\\u103B-\\u103E]*)(\\u1031?)");

    private MyanmarVisualOrder() {}

    static String of(String text) {
        if (text.chars().noneMatch(c -> c == '\u1031' || c == '\u103C')) {
            return text; // nothing drawn before its consonant
        }
        Matcher syllable = SYLLABLE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (syllable.find()) {
            String medials = syllable.group(3);
            String ra = medials.contains("\u103C") ? "\u103C" : "";
            String drawnFirst = syllable.group(4) + ra;
            syllable.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            drawnFirst + syllable.group(1) + syllable.group(2) + medials.replace("\u103C", "")));
        }
        syllable.appendTail(out);
        return out.toString();
    }
}

package org.varsel.pipeline.nlp;

import com.google.myanmartools.ZawgyiDetector;
import com.ibm.icu.text.Transliterator;
import java.util.Optional;

/**
 * Finds Burmese text in the legacy Zawgyi encoding (it reuses the Myanmar code points for other letters and orders
 * them differently, so it looks like Unicode Burmese but no Unicode rule or dictionary reads it) and converts it to
 * Unicode with ICU's {@code Zawgyi-my} transliterator. Not thread-safe: one instance per thread.
 */
public final class ZawgyiConversion {

    /** The encoding name recorded on a converted signal. */
    public static final String ZAWGYI = "zawgyi";
    /** The detector's own advice: above 0.95 the text is Zawgyi with high confidence. */
    static final double MIN_PROBABILITY = 0.95;

    private static final ZawgyiDetector DETECTOR = new ZawgyiDetector();

    private final Transliterator toUnicode = Transliterator.getInstance("Zawgyi-my");

    /** The text in Unicode when it is Zawgyi-encoded Burmese; empty otherwise (most texts: no Myanmar letter at all). */
    public Optional<String> unicodeOf(String text) {
        if (!hasMyanmarLetter(text) || DETECTOR.getZawgyiProbability(text) <= MIN_PROBABILITY) {
            return Optional.empty();
        }
        return Optional.of(toUnicode.transliterate(text));
    }

    private static boolean hasMyanmarLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u1000' && c <= '\u109F') {
                return true;
            }
        }
        return false;
    }
}

package org.varsel.pipeline.nlp;

import com.ibm.icu.lang.UScript;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The script most of a text's letters are written in, as an ISO 15924 code ({@code Mymr}, {@code Arab}), and whether
 * the language detector's model knows any language written in it.
 */
public final class DominantScript {

    /** Scripts of the 103 languages of OpenNLP's {@code langdetect-183.bin}; Hiragana and Katakana are Japanese. */
    private static final Set<String> DETECTOR_SCRIPTS = Set.of(
            "Latn", "Arab", "Cyrl", "Grek", "Hebr", "Armn", "Geor", "Deva", "Beng", "Guru", "Gujr", "Taml", "Telu",
            "Knda", "Mlym", "Sinh", "Thai", "Hani", "Hira", "Kana", "Hang");

    private final int[] lettersPerScript = new int[UScript.CODE_LIMIT];

    /** The script of more than half of the text's letters; empty without letters or without a majority. */
    public Optional<String> of(CharSequence text) {
        Arrays.fill(lettersPerScript, 0);
        int letters = 0;
        int top = UScript.COMMON;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            int script = UScript.getScript(cp);
            letters++;
            if (++lettersPerScript[script] > lettersPerScript[top]) {
                top = script;
            }
        }
        return lettersPerScript[top] * 2 > letters ? Optional.of(UScript.getShortName(top)) : Optional.empty();
    }

    /** Whether the language detector was trained on some language written in {@code script}. */
    public static boolean detectorKnows(String script) {
        return DETECTOR_SCRIPTS.contains(script);
    }
}

package org.varsel.pipeline.nlp;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;

/**
 * ICU normalisation and folding for words outside the Latin script: compatibility forms and case folded (NFKC
 * case fold), and where marks are optional in writing (Arabic vowel marks and elongation, Hebrew points, Greek and
 * Cyrillic accents) the marks removed. Latin words are left to the language's own analysis, so English and Danish
 * results do not change.
 */
public final class ScriptFolding {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    /*
     * ICU's folding removes diacritics; in Myanmar, Thai, Lao, Khmer, Ethiopic and the Indic scripts those marks are
     * vowels, tones and the asat/virama that tell words apart (သတ် "kill", သတ "be"), so it is applied only to the
     * scripts where they are optional. Arabic and Hebrew marks have the Inherited script; the tatweel is Common.
     */
    private static final Normalizer2 OPTIONAL_MARKS_REMOVED = new FilteredNormalizer2(
            ICUFoldingFilter.NORMALIZER,
            new UnicodeSet("[[:Arab:][:Syrc:][:Thaa:][:Hebr:][:Grek:][:Cyrl:][:Inherited:]\\u0640]").freeze());

    private ScriptFolding() {}

    /** Whether the word has a letter or mark of a script other than Latin (or of none: digits, punctuation). */
    public static boolean outsideLatin(CharSequence word) {
        for (int i = 0; i < word.length(); ) {
            int cp = Character.codePointAt(word, i);
            int script = UScript.getScript(cp);
            if (script != UScript.LATIN
                    && script != UScript.COMMON
                    && script != UScript.INHERITED
                    && script != UScript.UNKNOWN) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** The folded form of a word outside the Latin script (possibly empty: an elongation alone); others unchanged. */
    public static String fold(String word) {
        if (!outsideLatin(word)) {
            return word;
        }
        return OPTIONAL_MARKS_REMOVED.normalize(NFKC_CASEFOLD.normalize(word));
    }
}

package org.varsel.pipeline.nlp;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a run of letters from a script written without spaces between words (Myanmar, Thai, Lao, Khmer, Chinese,
 * Japanese) into words with ICU's dictionary-based word breaking; runs from other scripts are one word already.
 */
public final class DictionaryWords {

    private static final List<Integer> UNSPACED_SCRIPTS = List.of(
            UScript.MYANMAR, UScript.THAI, UScript.LAO, UScript.KHMER, UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA);
    /** Thai, the first of them in Unicode: below it no script look-up is needed. */
    private static final int FIRST_UNSPACED = 0x0E00;

    private DictionaryWords() {}

    /** Passes each word of {@code run} to {@code words}: the run itself unless it has letters of an unspaced script. */
    public static void split(String run, Consumer<String> words) {
        if (!hasUnspacedScript(run)) {
            words.accept(run);
            return;
        }
        // a break iterator is stateful; the cached instance ICU hands out is a fresh clone, and runs needing one are
        // rare
        BreakIterator breaks = BreakIterator.getWordInstance(ULocale.ROOT);
        breaks.setText(run);
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            if (breaks.getRuleStatus() != BreakIterator.WORD_NONE) {
                words.accept(run.substring(start, end));
            }
        }
    }

    private static boolean hasUnspacedScript(String run) {
        for (int i = 0; i < run.length(); ) {
            int cp = run.codePointAt(i);
            if (cp >= FIRST_UNSPACED && UNSPACED_SCRIPTS.contains(UScript.getScript(cp))) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}

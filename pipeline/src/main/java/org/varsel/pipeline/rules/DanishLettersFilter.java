package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Stacks the spelling with æ, ø and å on a Danish word written without them ("koeller" and "køller", "paa" and "på"),
 * keeping the word itself, so a lexicon form matches a writer whose keyboard has no Danish letters.
 */
final class DanishLettersFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private String pending;
    private State original;

    DanishLettersFilter(TokenStream in) {
        super(in);
    }

    /**
     * The word with ae, oe and aa read as æ, ø and å, when it has such a pair and no Danish letter (a word that has
     * one was written on a Danish keyboard, and its "oe" is two letters: "poesi").
     */
    static Optional<String> withDanishLetters(String word) {
        if (word.indexOf('æ') >= 0 || word.indexOf('ø') >= 0 || word.indexOf('å') >= 0) {
            return Optional.empty();
        }
        String spelled = word.replace("ae", "æ").replace("oe", "ø").replace("aa", "å");
        return spelled.equals(word) ? Optional.empty() : Optional.of(spelled);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(original);
            term.setEmpty().append(pending);
            increment.setPositionIncrement(0);
            pending = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        pending = withDanishLetters(term.toString()).orElse(null);
        if (pending != null) {
            original = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        original = null;
    }
}

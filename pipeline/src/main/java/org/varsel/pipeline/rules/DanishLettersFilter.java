package org.varsel.pipeline.rules;

import java.util.Optional;
import org.apache.lucene.analysis.TokenStream;

/**
 * Stacks the spelling with æ, ø and å on a Danish word written without them ("koeller" and "køller", "paa" and "på"),
 * keeping the word itself, so a lexicon form matches a writer whose keyboard has no Danish letters.
 */
final class DanishLettersFilter extends StackingTokenFilter {

    DanishLettersFilter(TokenStream in) {
        super(in, false);
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
    String stackedOn(String word) {
        return withDanishLetters(word).orElse(null);
    }
}

package org.varsel.pipeline.rules;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Passes every token on and stacks one more at its position, when the subclass gives one for it ({@link #stackedOn}):
 * a marker rules can name ({@code _person_}, {@code _quoted_}), another spelling ("køller" on "koeller"), an as-written
 * term ({@code =hænges}). The stacked token keeps the word's offsets, so a hit highlights what the author wrote.
 */
abstract class StackingTokenFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    /** The stacked token is a keyword (the stemmer leaves it as it is); else it keeps the word's flag. */
    private final boolean stacksKeywords;

    private String pending;
    private State word;

    StackingTokenFilter(TokenStream in, boolean stacksKeywords) {
        super(in);
        this.stacksKeywords = stacksKeywords;
    }

    @Override
    public final boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(word);
            term.setEmpty().append(pending);
            increment.setPositionIncrement(0);
            if (stacksKeywords) {
                keyword.setKeyword(true);
            }
            pending = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        pending = stackedOn(term.toString());
        if (pending != null) {
            word = captureState();
        }
        return true;
    }

    /**
     * The term to stack on the token just read, whose text is {@code word}; null for none. The token's other
     * attributes (its position increment) are there to read.
     */
    abstract String stackedOn(String word);

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        word = null;
    }
}

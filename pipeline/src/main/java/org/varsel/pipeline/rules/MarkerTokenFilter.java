package org.varsel.pipeline.rules;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Passes every token on and stacks a synthetic keyword token, a marker rules can name ({@code _person_},
 * {@code _quoted_}), on those the subclass {@link #marks marks}; the marker keeps the token's offsets, so a hit
 * highlights what the author wrote.
 */
abstract class MarkerTokenFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final String marker;
    private State marked;

    MarkerTokenFilter(TokenStream in, String marker) {
        super(in);
        this.marker = marker;
    }

    @Override
    public final boolean incrementToken() throws IOException {
        if (marked != null) {
            restoreState(marked);
            marked = null;
            term.setEmpty().append(marker);
            increment.setPositionIncrement(0);
            keyword.setKeyword(true);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (marks(term.toString())) {
            marked = captureState();
        }
        return true;
    }

    /** True when the token just read, whose text is {@code word}, gets the marker stacked on it. */
    abstract boolean marks(String word);

    @Override
    public void reset() throws IOException {
        super.reset();
        marked = null;
    }
}

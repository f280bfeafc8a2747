package org.varsel.pipeline.rules;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** A token filter that rewrites each term in place and keeps every token (positions and offsets untouched). */
abstract class TermRewritingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    TermRewritingFilter(TokenStream in) {
        super(in);
    }

    @Override
    public final boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        rewrite(term);
        return true;
    }

    /** Rewrites the current term; it may change the term's buffer and length. */
    abstract void rewrite(CharTermAttribute term);
}

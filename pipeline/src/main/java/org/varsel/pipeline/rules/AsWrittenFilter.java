package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Stacks a word's as-written term ({@link AsWritten#term}: {@code =hænges}) on it, when the pack's rules write that
 * word as written; a keyword, so the stemmer leaves it as it is. Stands after the filters that give a word other
 * spellings (repair, Danish letters), so "haenges" and "hænges" both carry {@code =haenges}.
 */
final class AsWrittenFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    /** Folded words ({@link AsWritten#fold}) that some rule writes as written. */
    private final Set<String> written;

    private String pending;
    private String stackedHere;
    private State original;

    AsWrittenFilter(TokenStream in, Set<String> written) {
        super(in);
        this.written = written;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(original);
            term.setEmpty().append(pending);
            increment.setPositionIncrement(0);
            keyword.setKeyword(true);
            stackedHere = pending;
            pending = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (increment.getPositionIncrement() > 0) {
            stackedHere = null;
        }
        String folded = AsWritten.fold(term.toString());
        if (written.contains(folded)) {
            String stacked = AsWritten.MARK + folded;
            // "haenges" and its stacked "hænges" fold alike: one term at a position
            if (!stacked.equals(stackedHere)) {
                pending = stacked;
                original = captureState();
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        stackedHere = null;
        original = null;
    }
}

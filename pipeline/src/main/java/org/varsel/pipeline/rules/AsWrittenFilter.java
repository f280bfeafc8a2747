package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Stacks a word's as-written term ({@link AsWritten#term}: {@code =hænges}) on it, when the pack's rules write that
 * word as written; a keyword, so the stemmer leaves it as it is. Stands after the filters that give a word other
 * spellings (repair, Danish letters), so "haenges" and "hænges" both carry {@code =haenges}.
 */
final class AsWrittenFilter extends StackingTokenFilter {

    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    /** Folded words ({@link AsWritten#fold}) that some rule writes as written. */
    private final Set<String> written;

    /** The as-written term stacked at the current position, if any. */
    private String stackedHere;

    AsWrittenFilter(TokenStream in, Set<String> written) {
        super(in, true);
        this.written = written;
    }

    @Override
    String stackedOn(String word) {
        if (increment.getPositionIncrement() > 0) {
            stackedHere = null;
        }
        String folded = AsWritten.fold(word);
        if (!written.contains(folded)) {
            return null;
        }
        String stacked = AsWritten.MARK + folded;
        // "haenges" and its stacked "hænges" fold alike: one term at a position
        if (stacked.equals(stackedHere)) {
            return null;
        }
        stackedHere = stacked;
        return stacked;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        stackedHere = null;
    }
}

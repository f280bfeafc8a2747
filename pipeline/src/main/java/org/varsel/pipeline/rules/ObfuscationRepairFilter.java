package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.varsel.pipeline.classify.ObfuscationFolding;

/**
 * Adds the words an obfuscated token stands for ({@link ObfuscationFolding#repair}), keeping the token itself: a
 * swapped or dropped letter gives the word at the same position ("klil" and "kill"), words run together give one
 * position each, the first stacked on the token ("willkillevery", "will", then "kill", "every"). Every added word keeps
 * the token's offsets, so a hit highlights what the author wrote.
 */
final class ObfuscationRepairFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final ObfuscationFolding folding = ObfuscationFolding.bundled();
    private List<String> pending = List.of();
    private int next;
    private State original;

    ObfuscationRepairFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < pending.size()) {
            restoreState(original);
            term.setEmpty().append(pending.get(next));
            increment.setPositionIncrement(next == 0 ? 0 : 1);
            next++;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        pending = folding.repair(term.toString());
        next = 0;
        if (!pending.isEmpty()) {
            original = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = List.of();
        next = 0;
        original = null;
    }
}

package org.varsel.pipeline.rules;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.varsel.pipeline.nlp.ScriptFolding;

/** Applies {@link ScriptFolding} to each word outside the Latin script; a word folded to nothing is dropped. */
final class ScriptFoldingFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    ScriptFoldingFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean accept() {
        if (!ScriptFolding.outsideLatin(term)) {
            return true;
        }
        String folded = ScriptFolding.fold(term.toString());
        term.setEmpty().append(folded);
        return !folded.isEmpty();
    }
}

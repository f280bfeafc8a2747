package org.varsel.pipeline.rules;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds accented letters to ASCII except those a language's stemmer needs ({@code æøå} for
 * Danish), so {@code muslimér} stems like {@code muslimer}.
 */
final class AccentFoldingFilter extends TermRewritingFilter {

    private final String keep;
    private char[] folded = new char[64];

    AccentFoldingFilter(TokenStream in, String keep) {
        super(in);
        this.keep = keep;
    }

    @Override
    void rewrite(CharTermAttribute term) {
        char[] buf = term.buffer();
        int len = term.length();
        boolean ascii = true;
        for (int i = 0; i < len && ascii; i++) {
            ascii = buf[i] < 128;
        }
        if (ascii) {
            return;
        }
        if (folded.length < len * 4) {
            folded = new char[len * 4];
        }
        int out = 0;
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            if (c < 128 || keep.indexOf(c) >= 0) {
                folded[out++] = c;
            } else {
                out = ASCIIFoldingFilter.foldToASCII(buf, i, folded, out, 1);
            }
        }
        term.copyBuffer(folded, 0, out);
    }
}

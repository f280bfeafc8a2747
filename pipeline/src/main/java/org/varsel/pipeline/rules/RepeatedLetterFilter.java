package org.varsel.pipeline.rules;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Collapses every run of at least {@code minRun} equal characters to one character; with 2,
 * {@code kiiiill} and {@code kill} both become {@code kil}. Applied to documents and rules alike,
 * so stretched words still match. An as-written term ({@link AsWritten}) is left as it was folded: it keeps
 * its doubled letters.
 */
final class RepeatedLetterFilter extends TermRewritingFilter {

    private final int minRun;

    RepeatedLetterFilter(TokenStream in, int minRun) {
        super(in);
        this.minRun = minRun;
    }

    @Override
    void rewrite(CharTermAttribute term) {
        char[] buf = term.buffer();
        int len = term.length();
        if (len > 0 && buf[0] == AsWritten.MARK.charAt(0)) {
            return;
        }
        int out = 0;
        int i = 0;
        while (i < len) {
            int run = 1;
            while (i + run < len && buf[i + run] == buf[i]) {
                run++;
            }
            int keep = run >= minRun ? 1 : run;
            for (int k = 0; k < keep; k++) {
                buf[out++] = buf[i];
            }
            i += run;
        }
        term.setLength(out);
    }
}

package org.varsel.pipeline.rules;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Collapses every run of at least {@code minRun} equal characters to one character; with 2,
 * {@code kiiiill} and {@code kill} both become {@code kil}. Applied to documents and rules alike,
 * so stretched words still match.
 */
final class RepeatedLetterFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final int minRun;

  RepeatedLetterFilter(TokenStream in, int minRun) {
    super(in);
    this.minRun = minRun;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buf = term.buffer();
    int len = term.length();
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
    return true;
  }
}

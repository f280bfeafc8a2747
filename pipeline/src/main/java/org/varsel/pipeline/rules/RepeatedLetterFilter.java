package org.varsel.pipeline.rules;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Collapses every run of one repeated character to a single character ({@code kiiiill} and
 * {@code kill} both become {@code kil}); applied to documents and rules alike, so stretched words
 * still match.
 */
final class RepeatedLetterFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  RepeatedLetterFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buf = term.buffer();
    int len = term.length();
    int out = 0;
    for (int i = 0; i < len; i++) {
      if (out == 0 || buf[out - 1] != buf[i]) {
        buf[out++] = buf[i];
      }
    }
    term.setLength(out);
    return true;
  }
}

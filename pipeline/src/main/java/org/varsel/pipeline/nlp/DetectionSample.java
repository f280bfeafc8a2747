package org.varsel.pipeline.nlp;

import org.varsel.pipeline.extract.TextScanner;

/** The bounded, cleaned prefix of a text that language detection reads: no URLs, mentions or '#'. */
record DetectionSample(String text, int letters) {

  static DetectionSample of(String text, int maxChars) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 1);
    int letters = 0;
    int i = 0;
    int n = text.length();
    while (i < n && out.length() < maxChars) {
      char c = text.charAt(i);
      if (TextScanner.startsUrl(text, i)) {
        i = TextScanner.skipNonSpace(text, i);
        appendSpace(out);
      } else if (c == '@' && TextScanner.isHandleStart(text, i)) {
        i = TextScanner.skipNonSpace(text, i);
        appendSpace(out);
      } else if (Character.isLetter(c)) {
        out.append(c);
        letters++;
        i++;
      } else if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '#' || Character.isDigit(c)) {
        appendSpace(out);
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    // Do not end inside a word: a cut word is a different word to a character n-gram model.
    if (i < n && out.length() >= maxChars) {
      int lastSpace = out.lastIndexOf(" ");
      if (lastSpace > maxChars / 2) {
        for (int k = lastSpace; k < out.length(); k++) {
          if (Character.isLetter(out.charAt(k))) {
            letters--;
          }
        }
        out.setLength(lastSpace);
      }
    }
    return new DetectionSample(out.toString().strip(), letters);
  }

  private static void appendSpace(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
      out.append(' ');
    }
  }
}

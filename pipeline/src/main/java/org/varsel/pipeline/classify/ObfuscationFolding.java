package org.varsel.pipeline.classify;

/**
 * Folds the spellings people use to slip past word filters back to plain letters: leet digits and symbols
 * inside words ("k1ll" → "kill", "v3rm1n" → "vermin") and look-alike Cyrillic and Greek letters
 * ("кill" → "kill"). Danish letters (æ, ø, å) and other Latin letters are kept.
 */
final class ObfuscationFolding {

  private ObfuscationFolding() {}

  /** The folded token; the same instance when nothing needed folding (the common case, no allocation). */
  static String fold(String token) {
    int n = token.length();
    boolean latin = false;
    boolean suspicious = false;
    for (int k = 0; k < n; k++) {
      char c = token.charAt(k);
      if (c >= 'a' && c <= 'z') {
        latin = true;
      } else if (leet(c) != 0 || homoglyph(c) != 0) {
        suspicious = true;
      }
    }
    // only a mix is an evasion: a number ("2024") or a word wholly in Cyrillic or Greek is left alone
    if (!suspicious || !latin) {
      return token;
    }
    StringBuilder out = new StringBuilder(n);
    for (int k = 0; k < n; k++) {
      char c = token.charAt(k);
      char plain = homoglyph(c) != 0 ? homoglyph(c) : leet(c);
      out.append(plain != 0 ? plain : c);
    }
    return out.toString();
  }

  private static char leet(char c) {
    return switch (c) {
      case '0' -> 'o';
      case '1' -> 'i';
      case '3' -> 'e';
      case '4' -> 'a';
      case '5' -> 's';
      case '7' -> 't';
      case '8' -> 'b';
      case '$' -> 's';
      default -> 0;
    };
  }

  private static char homoglyph(char c) {
    return switch (c) {
      case 'а', 'α' -> 'a';
      case 'в', 'β' -> 'b';
      case 'с', 'ϲ' -> 'c';
      case 'е', 'ε' -> 'e';
      case 'һ' -> 'h';
      case 'і', 'ι' -> 'i';
      case 'ј' -> 'j';
      case 'к', 'κ' -> 'k';
      case 'м' -> 'm';
      case 'н', 'η' -> 'n';
      case 'о', 'ο' -> 'o';
      case 'р', 'ρ' -> 'p';
      case 'ѕ' -> 's';
      case 'т', 'τ' -> 't';
      case 'у', 'γ' -> 'y';
      case 'х', 'χ' -> 'x';
      case 'ν' -> 'v';
      default -> 0;
    };
  }
}

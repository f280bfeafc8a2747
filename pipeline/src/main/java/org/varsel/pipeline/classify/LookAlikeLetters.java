package org.varsel.pipeline.classify;

/**
 * Look-alike digits, symbols and Cyrillic or Greek letters inside a Latin word, read back as the letters they stand
 * for ("k1ll" → "kill", "кill" → "kill"); the character-level half of {@link ObfuscationFolding}.
 */
public final class LookAlikeLetters {
    private LookAlikeLetters() {}

    /** The folded token; the same instance when nothing needed folding (the common case, no allocation). */
    public static String fold(String token) {
        int n = token.length();
        boolean letter = false;
        boolean suspicious = false;
        boolean latin = false;
        for (int k = 0; k < n; k++) {
            char c = token.charAt(k);
            if (lookAlike(c) != 0) {
                suspicious = true;
                letter |= Character.isLetter(c);
            } else if (Character.isLetter(c)) {
                letter = true;
                latin |= c < '\u0250';
            }
        }
        // only a mix is an evasion: a number ("2024") or a word wholly in Cyrillic or Greek is left alone
        if (!suspicious || !letter || !latin) {
            return token;
        }
        StringBuilder out = new StringBuilder(n);
        for (int k = 0; k < n; k++) {
            char c = token.charAt(k);
            char plain = lookAlike(c);
            out.append(plain != 0 ? plain : c);
        }
        return out.toString();
    }

    /** The letter a look-alike digit, symbol or Cyrillic or Greek letter stands for, or 0. */
    public static char lookAlike(char c) {
        switch (c) {
            case '0':
                return 'o';
            case '1':
                return 'i';
            case '3':
                return 'e';
            case '4':
                return 'a';
            case '5':
                return 's';
            case '7':
                return 't';
            case '8':
                return 'b';
            case '@':
                return 'a';
            case '$':
                return 's';
            case '!':
                return 'i';
            case '|':
                return 'l';
            // Cyrillic homoglyphs of Latin letters
            case '\u0430':
                return 'a';
            case '\u0432':
                return 'b';
            case '\u0435':
                return 'e';
            case '\u043A':
                return 'k';
            case '\u043C':
                return 'm';
            case '\u043D':
                return 'h';
            case '\u043E':
                return 'o';
            case '\u0440':
                return 'p';
            case '\u0441':
                return 'c';
            case '\u0442':
                return 't';
            case '\u0445':
                return 'x';
            case '\u0443':
                return 'y';
            case '\u0456':
                return 'i';
            case '\u0455':
                return 's';
            case '\u0458':
                return 'j';
            case '\u04BB':
                return 'h';
            case '\u0410':
                return 'A';
            case '\u0415':
                return 'E';
            case '\u041E':
                return 'O';
            case '\u0420':
                return 'P';
            case '\u0421':
                return 'C';
            case '\u0425':
                return 'X';
            case '\u041A':
                return 'K';
            case '\u041C':
                return 'M';
            case '\u0422':
                return 'T';
            case '\u041D':
                return 'H';
            case '\u0412':
                return 'B';
            // Greek homoglyphs of Latin letters
            case '\u03B1':
                return 'a';
            case '\u03B2':
                return 'b';
            case '\u03B3':
                return 'y';
            case '\u03B5':
                return 'e';
            case '\u03B7':
                return 'n';
            case '\u03B9':
                return 'i';
            case '\u03BA':
                return 'k';
            case '\u03BD':
                return 'v';
            case '\u03BF':
                return 'o';
            case '\u03C1':
                return 'p';
            case '\u03C4':
                return 't';
            case '\u03C5':
                return 'u';
            case '\u03C7':
                return 'x';
            case '\u03F2':
                return 'c';
            case '\u0391':
                return 'A';
            case '\u0392':
                return 'B';
            case '\u0395':
                return 'E';
            case '\u0396':
                return 'Z';
            case '\u0397':
                return 'H';
            case '\u0399':
                return 'I';
            case '\u039A':
                return 'K';
            case '\u039C':
                return 'M';
            case '\u039D':
                return 'N';
            case '\u039F':
                return 'O';
            case '\u03A1':
                return 'P';
            case '\u03A4':
                return 'T';
            case '\u03A5':
                return 'Y';
            case '\u03A7':
                return 'X';
            default:
                return 0;
        }
    }
}

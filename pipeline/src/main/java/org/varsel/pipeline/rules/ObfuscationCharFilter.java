package org.varsel.pipeline.rules;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.varsel.pipeline.classify.LookAlikeLetters;
import org.varsel.pipeline.classify.ObfuscationFolding;

/**
 * Undoes common evasions before tokenising, keeping offsets into the original text.
 *
 * <p>Four rewrites, in this order: invisible characters (zero-width spaces, soft hyphens) are
 * dropped; a run of three or more single glyphs joined by separators ({@code k.i.l.l}, {@code
 * k i l l}, {@code k-1-l-l}) is spliced into one word; a violent word broken in two by a space or a line break ({@code
 * ki ll}, {@code k ill}, {@code ki \n\nll}) is joined ({@link ObfuscationFolding#brokenWord}); inside a word that has at least one letter,
 * look-alike digits and symbols become letters ({@code k1ll} to {@code kill}, {@code h@te} to
 * {@code hate}) and, in words that mix scripts, Cyrillic and Greek homoglyphs become their Latin twins (the
 * look-alike table the classifier folds with, {@link LookAlikeLetters#lookAlike}). Swapped, dropped and run-together
 * letters are repaired per token, after tokenising, by {@link ObfuscationRepairFilter}.
 * Pure numbers ({@code 2016}) and mentions ({@code @user}) are left alone.
 */
final class ObfuscationCharFilter extends BaseCharFilter {

    private static final int MIN_SPLICED_GLYPHS = 3;
    private static final int MAX_SEPARATOR_RUN = 2;
    private static final int READ_CHUNK = 512;
    /** Longest word read as broken in two ("slaughter"); longer pairs are not looked up. */
    private static final int MAX_BROKEN_WORD = 12;
    /** Most whitespace read as the break inside one word: a space and a blank line ("ki \n\nll") is three. */
    private static final int MAX_BROKEN_GAP = 4;

    private static final ObfuscationFolding FOLDING = ObfuscationFolding.bundled();

    private String output;
    private int position;

    ObfuscationCharFilter(Reader in) {
        super(in);
    }

    /** Replays a text folded once for all of a document's fields: same output, same offset corrections. */
    private ObfuscationCharFilter(FoldedText in) {
        super(in);
        Folded f = in.folded;
        output = f.output;
        for (int i = 0; i < f.corrections; i++) {
            addOffCorrectMap(f.offsets[i], f.diffs[i]);
        }
    }

    /** The filter for one field's analysis: replays a {@link FoldedText}, folds any other reader itself. */
    static ObfuscationCharFilter over(Reader in) {
        return in instanceof FoldedText folded ? new ObfuscationCharFilter(folded) : new ObfuscationCharFilter(in);
    }

    /**
     * A text with the rewrites done, and where the offsets move: what a document analysed for two or three
     * languages would otherwise compute once per field.
     */
    static final class Folded {
        private final String output;
        private int[] offsets = new int[0];
        private int[] diffs = new int[0];
        private int corrections;

        private Folded(String output) {
            this.output = output;
        }

        /** A new reader of the original text for one field; {@link RuleAnalyzer} replays the folding for it. */
        Reader reader() {
            return new FoldedText(this);
        }
    }

    /** Folds a text once; see {@link Folded}. */
    static Folded fold(String text) {
        Corrections corrections = new Corrections();
        Folded f = new Folded(rewrite(text, corrections));
        f.offsets = corrections.offsets;
        f.diffs = corrections.diffs;
        f.corrections = corrections.size;
        return f;
    }

    /** The reader a field of an already folded text is given; the filter never reads it, only its {@link Folded}. */
    private static final class FoldedText extends Reader {
        private final Folded folded;

        private FoldedText(Folded folded) {
            this.folded = folded;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            throw new UnsupportedOperationException("a folded text is read through ObfuscationCharFilter");
        }

        @Override
        public void close() {}
    }

    /** Where a rewrite drops characters, in the form {@code addOffCorrectMap} takes. */
    private interface CorrectionSink {
        void add(int offset, int cumulativeDiff);
    }

    private static final class Corrections implements CorrectionSink {
        private int[] offsets = new int[0];
        private int[] diffs = new int[0];
        private int size;

        @Override
        public void add(int offset, int cumulativeDiff) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, Math.max(8, 2 * size));
                diffs = Arrays.copyOf(diffs, offsets.length);
            }
            offsets[size] = offset;
            diffs[size] = cumulativeDiff;
            size++;
        }
    }

    /** The folded text the tokenizer reads, once it has started reading ({@link PersonNameFilter} looks around words). */
    String text() {
        return output;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (output == null) {
            output = rewrite(readAll(), this::addOffCorrectMap);
        }
        if (position >= output.length()) {
            return -1;
        }
        int n = Math.min(len, output.length() - position);
        output.getChars(position, position + n, cbuf, off);
        position += n;
        return n;
    }

    /**
     * The whole input. This runs for every document and every analysed field, so it stays small: most texts are a few
     * hundred characters, and a fresh 8 K buffer each time was a measurable share of rule matching (docs/performance.md).
     */
    private String readAll() throws IOException {
        char[] buf = new char[READ_CHUNK];
        int n = input.read(buf);
        if (n == -1) {
            return "";
        }
        int more = input.read();
        if (more == -1) {
            return new String(buf, 0, n);
        }
        StringBuilder sb = new StringBuilder(2 * READ_CHUNK).append(buf, 0, n).append((char) more);
        while ((n = input.read(buf)) != -1) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    private static String rewrite(String in, CorrectionSink corrections) {
        StringBuilder out = new StringBuilder(in.length());
        int dropped = 0;
        int i = 0;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (isInvisible(c)) {
                dropped++;
                i++;
                corrections.add(out.length(), dropped);
                continue;
            }
            int end = splicedRunEnd(in, i);
            if (end > i) {
                for (int j = i; j < end; j++) {
                    char g = in.charAt(j);
                    if (isGlyph(g)) {
                        out.append(g);
                    } else {
                        dropped++;
                        corrections.add(out.length(), dropped);
                    }
                }
                i = end;
                continue;
            }
            int broken = brokenWordEnd(in, i);
            if (broken > i) {
                int gap = lettersEnd(in, i);
                int rightPiece = gapEnd(in, gap);
                out.append(in, i, gap);
                dropped += rightPiece - gap;
                corrections.add(out.length(), dropped);
                out.append(in, rightPiece, broken);
                i = broken;
                continue;
            }
            out.append(c);
            i++;
        }
        foldLookAlikes(out);
        return out.toString();
    }

    /**
     * End (exclusive) of a run of at least three single glyphs starting at i and joined by the same
     * separator throughout ({@code k.i.l.l t.h.e.m} is two words), or i.
     */
    private static int splicedRunEnd(String s, int i) {
        if (!isSingleGlyph(s, i)) {
            return i;
        }
        int glyphs = 1;
        int lastGlyphEnd = i + 1;
        int j = i + 1;
        String separator = null;
        while (true) {
            int k = j;
            while (k < s.length() && k - j < MAX_SEPARATOR_RUN && isSeparator(s.charAt(k))) {
                k++;
            }
            if (k == j || !isSingleGlyph(s, k)) {
                break;
            }
            String sep = s.substring(j, k);
            if (separator == null) {
                separator = sep;
            } else if (!separator.equals(sep)) {
                break;
            }
            // spaces are the weakest separator: "s m i d d.e.m" is "smid" and "dem"
            if (separator.isBlank() && startsOtherChain(s, k + 1, separator)) {
                break;
            }
            glyphs++;
            lastGlyphEnd = k + 1;
            j = k + 1;
        }
        return glyphs >= MIN_SPLICED_GLYPHS ? lastGlyphEnd : i;
    }

    /**
     * End (exclusive) of a word broken in two by a short run of whitespace that starts at i ({@link
     * ObfuscationFolding#brokenWord}: "ki ll", "k ill", and "ki \n\nll" where the break is a line break), or i. Both
     * pieces are whole runs of letters: not the end of a contraction ("don't", "it's") nor a piece of a longer word.
     */
    private static int brokenWordEnd(String s, int i) {
        if (i > 0 && (isWordChar(s.charAt(i - 1)) || s.charAt(i - 1) == '\'')) {
            return i;
        }
        int gap = lettersEnd(s, i);
        int rightPiece = gapEnd(s, gap);
        if (gap == i || rightPiece == gap || rightPiece == s.length()) {
            return i;
        }
        int end = lettersEnd(s, rightPiece);
        int length = gap - i + end - rightPiece;
        if (end == rightPiece
                || length > MAX_BROKEN_WORD
                || Math.min(gap - i, end - rightPiece) > ObfuscationFolding.MAX_FRAGMENT
                || end < s.length() && (isWordChar(s.charAt(end)) || s.charAt(end) == '\'')) {
            return i;
        }
        String left = s.substring(i, gap).toLowerCase(Locale.ROOT);
        String right = s.substring(rightPiece, end).toLowerCase(Locale.ROOT);
        return FOLDING.brokenWord(left, right) ? end : i;
    }

    /**
     * End of the whitespace that breaks a word at i, or i when there is none or too much: a copied post keeps the
     * line break its author typed inside the word ("ki \n\nll", "ki\r\nll"), a longer gap is layout, not a word.
     */
    private static int gapEnd(String s, int i) {
        int j = i;
        while (j < s.length() && j - i <= MAX_BROKEN_GAP && isBreak(s.charAt(j))) {
            j++;
        }
        return j - i > MAX_BROKEN_GAP ? i : j;
    }

    private static boolean isBreak(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static int lettersEnd(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isLetter(s.charAt(j))) {
            j++;
        }
        return j;
    }

    /** True when a different separator and a single glyph follow: the glyph before opens a new word. */
    private static boolean startsOtherChain(String s, int j, String separator) {
        int k = j;
        while (k < s.length() && k - j < MAX_SEPARATOR_RUN && isSeparator(s.charAt(k))) {
            k++;
        }
        return k > j && !s.substring(j, k).equals(separator) && isSingleGlyph(s, k);
    }

    private static boolean isSingleGlyph(String s, int i) {
        return i < s.length()
                && isGlyph(s.charAt(i))
                && (i == 0 || !isWordChar(s.charAt(i - 1)))
                && (i + 1 == s.length() || !isWordChar(s.charAt(i + 1)));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || lookAlike(c) != 0;
    }

    private static boolean isGlyph(char c) {
        return Character.isLetter(c) || lookAlike(c) != 0;
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == ' ' || c == '-' || c == '_' || c == '*' || c == '\u00B7' || c == '\u2022';
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    /** Rewrites look-alikes inside every word that contains a real letter; 1:1, so no offsets move. */
    private static void foldLookAlikes(StringBuilder s) {
        if (!hasLookAlike(s)) {
            return;
        }
        int i = 0;
        while (i < s.length()) {
            if (!isWordChar(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean hasLetter = false;
            boolean hasLatin = false;
            while (i < s.length() && isWordChar(s.charAt(i))) {
                char c = s.charAt(i);
                hasLetter |= Character.isLetter(c);
                hasLatin |= c < '\u0250' && Character.isLetter(c);
                i++;
            }
            if (!hasLetter) {
                continue;
            }
            int trailingBangs = i;
            while (trailingBangs > start && s.charAt(trailingBangs - 1) == '!') {
                trailingBangs--;
            }
            for (int j = start; j < i; j++) {
                char c = s.charAt(j);
                boolean mention = c == '@' && j == start;
                boolean exclamation = c == '!' && j >= trailingBangs;
                boolean cyrillicInCyrillicWord = Character.isLetter(c) && !hasLatin;
                char letter = lookAlike(c);
                if (letter != 0 && !mention && !exclamation && !cyrillicInCyrillicWord) {
                    s.setCharAt(j, letter);
                }
            }
        }
    }

    /** Most texts have no digit, symbol, Cyrillic or Greek letter to fold: one cheap scan spares the word walk. */
    private static boolean hasLookAlike(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (lookAlike(s.charAt(i)) != 0) {
                return true;
            }
        }
        return false;
    }

    private static char lookAlike(char c) {
        return LookAlikeLetters.lookAlike(c);
    }
}

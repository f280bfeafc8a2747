package org.varsel.pipeline.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.varsel.pipeline.extract.TextScanner;

/**
 * Turns a post into the tokens the classifier sees, identically at training and at run time.
 *
 * <p>Lower case; URLs become {@code <url>}, mentions {@code <user>}, numbers {@code <number>} and
 * percentages {@code <percent>} (the placeholders HateXplain already uses); existing {@code <word>}
 * placeholders are kept; '#' is dropped from hashtags; letters repeated three or more times are squeezed
 * to two ("soooo" → "soo"); English contractions are expanded as in HateXplain ("don't" → "do not",
 * "'s" dropped); HTML entities are decoded; emoji and other symbols are one token each (a run of the same
 * symbol counts once); a retweet marker "RT" is dropped; everything else separates tokens. Reads at most
 * {@link #MAX_CHARS} characters and returns at most {@link #MAX_TOKENS} tokens, so cost is bounded.
 */
public final class TextNormaliser {

    /** Bumped whenever the output changes: models trained with another version must be retrained. */
    public static final int VERSION = 1;

    public static final int MAX_CHARS = 4_000;
    public static final int MAX_TOKENS = 400;

    private TextNormaliser() {}

    /** The normalised tokens joined by single spaces. */
    public static String normalise(CharSequence text) {
        return String.join(" ", tokens(text));
    }

    /** The normalised tokens of {@code text}; empty for null or empty text. */
    public static String[] tokens(CharSequence text) {
        if (text == null) {
            return new String[0];
        }
        CharSequence s = text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS) : text;
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int n = s.length();
        int i = 0;
        int lastSymbol = -1;
        while (i < n && out.size() < MAX_TOKENS) {
            char c = s.charAt(i);
            if (TextScanner.startsUrl(s, i)) {
                out.add("<url>");
                i = Math.max(TextScanner.urlEnd(s, i), i + 1);
                lastSymbol = -1;
            } else if (TextScanner.isHandleStart(s, i)) {
                out.add("<user>");
                i = TextScanner.handleEnd(s, i);
                lastSymbol = -1;
            } else if (c == '<' && placeholderEnd(s, i) > 0) {
                int end = placeholderEnd(s, i);
                out.add(s.subSequence(i, end).toString().toLowerCase(Locale.ROOT));
                i = end;
                lastSymbol = -1;
            } else if (c == '&' && entityEnd(s, i) > 0) {
                int end = entityEnd(s, i);
                int cp = entityCodePoint(s, i, end);
                if (cp > 0 && isSymbol(cp) && cp != lastSymbol) {
                    out.add(new String(Character.toChars(cp)));
                    lastSymbol = cp;
                }
                i = end;
            } else if (Character.isLetterOrDigit(c)) {
                i = word(s, i, word, out);
                lastSymbol = -1;
            } else {
                int cp = Character.codePointAt(s, i);
                if (isSymbol(cp) && cp != lastSymbol) {
                    out.add(new String(Character.toChars(cp)));
                    lastSymbol = cp;
                } else if (!isSymbolModifier(cp) && cp != lastSymbol) {
                    lastSymbol = -1;
                }
                i += Character.charCount(cp);
            }
        }
        if (out.size() > MAX_TOKENS) {
            return out.subList(0, MAX_TOKENS).toArray(String[]::new);
        }
        return out.toArray(String[]::new);
    }

    /** Reads a word starting at {@code i}, appends its tokens and returns the index after it. */
    private static int word(CharSequence s, int i, StringBuilder word, List<String> out) {
        word.setLength(0);
        int n = s.length();
        int start = i;
        boolean onlyDigits = true;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || isMark(c)) {
                onlyDigits &= Character.isDigit(c);
                word.append(c);
                i++;
            } else if (isApostrophe(c) && i + 1 < n && Character.isLetter(s.charAt(i + 1)) && word.length() > 0) {
                word.append('\'');
                i++;
            } else if (onlyDigits && (c == '.' || c == ',') && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        if (onlyDigits) {
            if (i < n && s.charAt(i) == '%') {
                out.add("<percent>");
                return i + 1;
            }
            out.add("<number>");
            return i;
        }
        if (i - start == 2 && s.charAt(start) == 'R' && s.charAt(start + 1) == 'T') {
            return i;
        }
        String lower = squeeze(word.toString().toLowerCase(Locale.ROOT));
        int apostrophe = lower.indexOf('\'');
        if (apostrophe < 0) {
            out.add(lower);
        } else {
            expandContraction(lower, apostrophe, out);
        }
        return i;
    }

    private static void expandContraction(String w, int apostrophe, List<String> out) {
        String head = w.substring(0, apostrophe);
        String tail = w.substring(apostrophe + 1);
        if (tail.equals("t") && head.endsWith("n") && head.length() > 1) {
            String stem = head.substring(0, head.length() - 1);
            out.add(
                    switch (stem) {
                        case "wo" -> "will";
                        case "ca" -> "can";
                        case "sha" -> "shall";
                        case "ai" -> "is";
                        default -> stem;
                    });
            out.add("not");
            return;
        }
        String expanded = switch (tail) {
            case "m" -> "am";
            case "re" -> "are";
            case "ve" -> "have";
            case "ll" -> "will";
            case "d" -> "would";
            case "s" -> "";
            default -> null;
        };
        if (expanded == null) {
            out.add(w.replace("'", ""));
            return;
        }
        if (!head.isEmpty()) {
            out.add(head);
        }
        if (!expanded.isEmpty()) {
            out.add(expanded);
        }
    }

    /** Letters repeated three or more times become two: "loool" → "lool", "cool" stays. */
    static String squeeze(String w) {
        int n = w.length();
        if (n < 3) {
            return w;
        }
        StringBuilder out = null;
        int run = 1;
        for (int k = 1; k <= n; k++) {
            boolean same = k < n && w.charAt(k) == w.charAt(k - 1) && Character.isLetter(w.charAt(k));
            if (same) {
                run++;
                if (run == 3 && out == null) {
                    out = new StringBuilder(w.substring(0, k));
                }
            } else {
                run = 1;
            }
            if (k < n && out != null && run <= 2) {
                out.append(w.charAt(k));
            }
        }
        return out == null ? w : out.toString();
    }

    private static int placeholderEnd(CharSequence s, int i) {
        int n = s.length();
        int k = i + 1;
        while (k < n && k - i <= 12 && Character.isLetter(s.charAt(k)) && s.charAt(k) < 128) {
            k++;
        }
        return k > i + 1 && k < n && s.charAt(k) == '>' ? k + 1 : -1;
    }

    private static int entityEnd(CharSequence s, int i) {
        int n = s.length();
        int k = i + 1;
        while (k < n
                && k - i <= 10
                && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '#')
                && s.charAt(k) < 128) {
            k++;
        }
        return k > i + 1 && k < n && s.charAt(k) == ';' ? k + 1 : -1;
    }

    /** The code point of a numeric entity such as {@code &#128514;} or {@code &#x1F602;}, else 0. */
    private static int entityCodePoint(CharSequence s, int start, int end) {
        String body = s.subSequence(start + 1, end - 1).toString();
        if (!body.startsWith("#") || body.length() < 2) {
            return 0;
        }
        try {
            boolean hex = body.charAt(1) == 'x' || body.charAt(1) == 'X';
            int cp = hex ? Integer.parseInt(body.substring(2), 16) : Integer.parseInt(body.substring(1));
            return Character.isValidCodePoint(cp) ? cp : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isSymbol(int cp) {
        return Character.getType(cp) == Character.OTHER_SYMBOL && !isSymbolModifier(cp);
    }

    private static boolean isSymbolModifier(int cp) {
        int type = Character.getType(cp);
        return type == Character.MODIFIER_SYMBOL
                || type == Character.NON_SPACING_MARK
                || type == Character.FORMAT
                || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }
}

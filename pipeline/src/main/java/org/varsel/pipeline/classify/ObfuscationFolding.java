package org.varsel.pipeline.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Undoes the spellings people use to slip past word filters, for the classifier's features and the rules' analysis
 * alike. {@link LookAlikeLetters#fold} turns look-alike digits, symbols and Cyrillic or Greek letters inside a word back into
 * letters ("k1ll" → "kill", "кill" → "kill"). {@link #repair} restores a word whose letters were swapped or dropped
 * ("klil", "kll", "dærbe" → kill, kill, dræbe) and splits words run together ("willkillevery" → will kill every):
 * only for a word no training post uses ({@link KnownWords}) nor the plural of one, only towards the violence,
 * weapon, dehumanisation and group words of the {@link HarmLexicon}, and keeping the first and last letter, which
 * evaders keep so that readers still recognise the word.
 */
public final class ObfuscationFolding {

    /** Shortest token repaired: three letters are a four-letter word with one dropped ("kll"). */
    private static final int MIN_REPAIRED = 3;
    /** Longest token repaired; longer ones are URLs, hashes or chains no reader would decode. */
    private static final int MAX_REPAIRED = 30;
    /** Shortest run of words to split ("beshot"). */
    private static final int MIN_RUN_TOGETHER = 5;
    /**
     * The English and Danish inflections a repaired stem may carry ("msulim" + "erne"); any other ending is more likely
     * another word that happens to start alike ("best" + "emme" is not "beast").
     */
    private static final Set<String> INFLECTIONS = Set.of(
            "", "e", "s", "er", "es", "en", "et", "ne", "ed", "ede", "ene", "ere", "erne", "ing", "ers", "ings", "ens",
            "eren", "ets", "enes");

    private static final int MAX_INFLECTION = 4;
    /**
     * At most this many words run together: more is a long word cut into syllables ("in teg rat ion en"). Four, because
     * a Danish threat runs four words together ("skalslåindvandrerneihjel": skal slå indvandrerne ihjel).
     */
    private static final int MAX_RUN_TOGETHER = 4;
    /** The target word of a run-together token is this long: "or gas me" is "orgasme", not gas. */
    private static final int MIN_SPLIT_TARGET = 4;
    /**
     * Danish prefixes that make one word with a verb or noun ("tilhænger" is a supporter, "forbrænding" combustion):
     * a split that starts with one of them and goes on with the target word is that word, not words run together.
     */
    private static final Set<String> WORD_PREFIXES =
            Set.of("til", "for", "af", "op", "ud", "ind", "over", "under", "om", "sam", "mis", "an");
    /**
     * Endings only a Danish word carries after a lexicon stem: "be" before a target word with one is the Danish prefix of
     * a verb ("bekræftede", "beskydes"), not the English "be" run together with a participle ("beshot", "bekilled").
     */
    private static final Set<String> DANISH_ENDINGS =
            Set.of("e", "er", "es", "en", "et", "ne", "ede", "ene", "ere", "erne", "ens", "eren", "ets", "enes");
    /** The other words of a run-together token are common ones ("will", "the", "skal"), not "as" + "tic". */
    private static final int COMMON_POSTS = 50;
    /**
     * Or rarer words of three letters or more, at a letter's cost: the training posts are mostly English, so Danish
     * words as plain as "slå" and "ihjel" are in a handful of posts only.
     */
    private static final int RARER_POSTS = 5;

    /**
     * The longest piece of a word broken by a space that may be a fragment ("ki" of "ki ll", "oot" of "sh oot"); longer
     * pieces are words of their own.
     */
    public static final int MAX_FRAGMENT = 3;
    /** The shortest word a broken one is read as: "g as" and "d ie" are more often two words than an evasion. */
    private static final int MIN_BROKEN_WORD = 4;
    /**
     * Single letters that are words (English "a", "i"; Danish "å", "ø"), chat words ("u", "r", "y", "n", "c", "b", "o",
     * "x") or the pieces a contraction written apart leaves ("it s", "don t", "i m", "you d"): never a fragment.
     */
    private static final Set<String> LETTER_WORDS =
            Set.of("a", "i", "u", "r", "y", "n", "c", "b", "o", "x", "s", "t", "m", "d", "e", "å", "ø");

    private static final int TARGETS =
            WordClass.VIOLENCE.bit() | WordClass.WEAPON.bit() | WordClass.DEHUMANISE.bit() | WordClass.GROUP.bit();
    /**
     * Most unknown words whose repair is remembered. The classifier and each analysed rule field (two or three a signal)
     * repair the same words, and the search for a repair (every dropped or swapped letter, every split) was most of the
     * repair's cost; the memory is emptied when full, so garbage tokens cannot grow it.
     */
    static final int MAX_REMEMBERED = 16_384;

    private static final ObfuscationFolding BUNDLED =
            new ObfuscationFolding(HarmLexicon.bundled(), KnownWords.bundled());

    private final HarmLexicon lexicon;
    private final PostCounts known;
    /** The target words whole, and each with one inner letter dropped → the word ("" when two words collide). */
    private final Set<String> terms = new HashSet<>();

    private final Map<String, String> termsDropped = new HashMap<>();
    /** The same for the stems of prefix terms ("dræb" of "dræb*"), whose end is inside the word. */
    private final Set<String> stems = new HashSet<>();

    private final Map<String, String> stemsDropped = new HashMap<>();
    /** First three letters of every target word and stem: a run-together token without one is not split. */
    private final Set<String> heads = new HashSet<>();
    /** Unknown word → its repair, shared by every thread that analyses with this folding. */
    private final Map<String, List<String>> remembered = new ConcurrentHashMap<>();

    ObfuscationFolding(HarmLexicon lexicon, PostCounts known) {
        this.lexicon = lexicon;
        this.known = known;
        lexicon.terms(TARGETS, (term, prefix) -> {
            (prefix ? stems : terms).add(term);
            heads.add(term.substring(0, Math.min(3, term.length())));
            if (term.length() >= MIN_REPAIRED + 1) {
                for (int k = 1; k < term.length() - 1; k++) {
                    String dropped = term.substring(0, k) + term.substring(k + 1);
                    (prefix ? stemsDropped : termsDropped).merge(dropped, term, (a, b) -> a.equals(b) ? a : "");
                }
            }
        });
    }

    /** The folding over the bundled lexicon and known words. */
    public static ObfuscationFolding bundled() {
        return BUNDLED;
    }

    /**
     * The words an obfuscated {@code token} (lower case, {@link #fold folded}) stands for: one word for swapped or
     * dropped letters, several for words run together, none (the common case, no allocation) when it needs no repair.
     */
    public List<String> repair(String token) {
        int n = token.length();
        if (n < MIN_REPAIRED
                || n > MAX_REPAIRED
                || !lettersOnly(token)
                || known.contains(token)
                || isLexiconWord(token)) {
            return List.of();
        }
        List<String> before = remembered.get(token);
        if (before != null) {
            return before;
        }
        List<String> repaired = pluralOfKnown(token) ? List.of() : repaired(token);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(token, repaired);
        return repaired;
    }

    private List<String> repaired(String token) {
        String corrected = corrected(token);
        if (corrected != null) {
            return List.of(corrected);
        }
        return token.length() >= MIN_RUN_TOGETHER ? List.copyOf(split(token)) : List.of();
    }

    /**
     * True when {@code token} is the English plural of a known word ("goodies" of "goodie" or "goody", "boxes" of
     * "box"): an ordinary word the training posts happen not to use in the plural, which a split would cut into a
     * violent one ("goo dies").
     */
    private boolean pluralOfKnown(String token) {
        int n = token.length();
        if (n < MIN_REPAIRED + 1 || token.charAt(n - 1) != 's') {
            return false;
        }
        return known.posts(token, 0, n - 1) > 0
                || token.endsWith("es") && known.posts(token, 0, n - 2) > 0
                || token.endsWith("ies") && known.contains(token.substring(0, n - 3) + "y");
    }

    /**
     * True when {@code left} and {@code right} (lower case, letters only), written apart by one space, are one target
     * word broken in two to slip past word filters ("ki ll", "k ill", "sh oot" → kill, kill, shoot): together a target
     * word or an inflection of a target stem, of {@link #MIN_BROKEN_WORD} letters or more, and one piece a fragment
     * nobody writes alone (a single letter that is no word, or at most {@link #MAX_FRAGMENT} letters fewer than
     * {@link #RARER_POSTS} training posts use). Two words that happen to spell one ("be head", "be at") stay two.
     */
    public boolean brokenWord(String left, String right) {
        int n = left.length() + right.length();
        if (n < MIN_BROKEN_WORD || !(fragment(left) || fragment(right))) {
            return false;
        }
        String word = left + right;
        int stem = stemLength(word);
        String base = stem > 0 ? word.substring(0, stem) : word;
        return (stem > 0 || lexicon.isExact(base)) && (lexicon.classes(base) & TARGETS) != 0;
    }

    private boolean fragment(String piece) {
        if (piece.length() == 1) {
            return !LETTER_WORDS.contains(piece);
        }
        return piece.length() <= MAX_FRAGMENT && known.posts(piece) < RARER_POSTS && !lexicon.isExact(piece);
    }

    /** How many repairs are remembered now; for the test of the bound. */
    int remembered() {
        return remembered.size();
    }

    /** The target word {@code token} is with one inner letter dropped or two inner letters swapped, or null. */
    private String corrected(String token) {
        String whole = unique(termsDropped.get(token));
        if (whole != null) {
            return whole;
        }
        int n = token.length();
        // the last letter stays: "klil" → kill, not a swap at the end
        String swapped = swapped(token, n - 1, terms);
        if (swapped != null) {
            return swapped;
        }
        for (int k = Math.max(MIN_REPAIRED, n - MAX_INFLECTION); k <= n; k++) {
            String head = token.substring(0, k);
            String stem = unique(stemsDropped.get(head));
            if (stem == null) {
                stem = swapped(head, k, stems);
            }
            if (stem != null && inflects(stem, token.substring(k))) {
                return stem + token.substring(k);
            }
        }
        return null;
    }

    /**
     * A lexicon word or an inflection of a lexicon stem ("indvandrerne" of "indvandrer*"). A token that only starts with
     * a stem is not: Danish writes compounds and words run together as one ("indvandrerpak", "indvandrerneer"), and
     * those are what {@link #split} takes apart; nor is a whole word with an ending, which may be the next word
     * ("jøderneer" is "jøderne er").
     */
    private boolean isLexiconWord(String token) {
        if (lexicon.isExact(token)) {
            return true;
        }
        int stem = lexicon.longestPrefix(token);
        return stem > 0 && inflects(token.substring(0, stem), token.substring(stem));
    }

    /** True when {@code ending} inflects {@code stem}, also after a doubled last letter ("polak" + "ker"). */
    private static boolean inflects(String stem, String ending) {
        return INFLECTIONS.contains(ending)
                || ending.length() > 1
                        && ending.charAt(0) == stem.charAt(stem.length() - 1)
                        && INFLECTIONS.contains(ending.substring(1));
    }

    /** {@code s} with letters i and i + 1 swapped (1 ≤ i, i + 1 < end) if that is in {@code words}, else null. */
    private static String swapped(String s, int end, Set<String> words) {
        char[] c = s.toCharArray();
        for (int i = 1; i + 1 < end; i++) {
            if (c[i] == c[i + 1]) {
                continue;
            }
            swap(c, i);
            String candidate = new String(c);
            swap(c, i);
            if (words.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void swap(char[] c, int i) {
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
    }

    private static String unique(String word) {
        return word == null || word.isEmpty() ? null : word;
    }

    /**
     * Splits {@code token} into two or three words, each a common word or a lexicon word and at least one a target word
     * of four letters or more; of such splits the one with the fewest letters in lexicon-stem endings, then the fewest
     * words ("will kill every", "vil dræbe alle", not "vil dræbealle").
     */
    private List<String> split(String token) {
        if (!hasHead(token)) {
            return List.of();
        }
        int n = token.length();
        // state (j, t): the best split of the first j letters, t = 1 when it has a target word
        int[][] cost = new int[2][n + 1];
        int[][] pieces = new int[2][n + 1];
        int[][] from = new int[2][n + 1];
        int[][] fromTarget = new int[2][n + 1];
        Arrays.fill(cost[0], Integer.MAX_VALUE);
        Arrays.fill(cost[1], Integer.MAX_VALUE);
        cost[0][0] = 0;
        for (int j = 2; j <= n; j++) {
            for (int i = 0; i + 2 <= j; i++) {
                if (cost[0][i] == Integer.MAX_VALUE && cost[1][i] == Integer.MAX_VALUE) {
                    continue;
                }
                String piece = token.substring(i, j);
                int c = pieceCost(piece);
                if (c < 0) {
                    continue;
                }
                boolean target =
                        piece.length() >= MIN_SPLIT_TARGET && (lexicon.classes(stemOrSelf(piece)) & TARGETS) != 0;
                for (int t = 0; t < 2; t++) {
                    if (cost[t][i] == Integer.MAX_VALUE) {
                        continue;
                    }
                    int to = target ? 1 : t;
                    int total = cost[t][i] + c;
                    if (total < cost[to][j] || (total == cost[to][j] && pieces[t][i] + 1 < pieces[to][j])) {
                        cost[to][j] = total;
                        pieces[to][j] = pieces[t][i] + 1;
                        from[to][j] = i;
                        fromTarget[to][j] = t;
                    }
                }
            }
        }
        if (cost[1][n] == Integer.MAX_VALUE || pieces[1][n] < 2 || pieces[1][n] > MAX_RUN_TOGETHER) {
            return List.of();
        }
        List<String> words = new ArrayList<>(pieces[1][n]);
        for (int j = n, t = 1; j > 0; ) {
            int i = from[t][j];
            words.add(0, token.substring(i, j));
            t = fromTarget[t][j];
            j = i;
        }
        boolean prefixed =
                WORD_PREFIXES.contains(words.get(0)) && (lexicon.classes(stemOrSelf(words.get(1))) & TARGETS) != 0;
        return prefixed || danishBeVerb(words, token) || syllables(words) ? List.of() : words;
    }

    /** True when the split starts "be" and the rest is a lexicon stem with a Danish ending: one Danish verb. */
    private boolean danishBeVerb(List<String> words, String token) {
        if (!words.get(0).equals("be")) {
            return false;
        }
        String rest = token.substring(2);
        int stem = stemLength(rest);
        return stem > 0 && DANISH_ENDINGS.contains(rest.substring(stem));
    }

    /**
     * True when the split reads as syllables rather than words: a two-letter piece between two others ("arab er en" is
     * "araberen", "muslim ha dere" is "muslimhadere"); first and last pieces may be short ("be shot", "de sorte er").
     */
    private static boolean syllables(List<String> words) {
        return words.subList(1, words.size() - 1).stream().anyMatch(w -> w.length() < 3);
    }

    /**
     * What a piece of a run-together token costs: nothing for a common or lexicon word, a point for a rarer word and for
     * each letter of an inflection after a lexicon word or stem (so "dræbe" + "alle" beats "dræbealle", "skyde" beats
     * "sky" + "de"); -1 for anything else, which cannot be a piece.
     */
    private int pieceCost(String piece) {
        int posts = known.posts(piece);
        if (lexicon.isExact(piece)) {
            return 0;
        }
        if (posts >= COMMON_POSTS) {
            return 0;
        }
        int stem = stemLength(piece);
        if (stem > 0) {
            return piece.length() - stem;
        }
        return posts >= RARER_POSTS && piece.length() > 2 ? 1 : -1;
    }

    private String stemOrSelf(String piece) {
        int stem = stemLength(piece);
        return stem > 0 ? piece.substring(0, stem) : piece;
    }

    /**
     * The length of the lexicon stem or word {@code piece} inflects ("indvandrer" of "indvandrerne", "romaer" of
     * "romaerne"), or 0 when it inflects none.
     */
    private int stemLength(String piece) {
        int stem = lexicon.longestPrefix(piece);
        if (stem > 0 && inflects(piece.substring(0, stem), piece.substring(stem))) {
            return stem;
        }
        for (int k = Math.max(MIN_REPAIRED, piece.length() - MAX_INFLECTION); k < piece.length(); k++) {
            if (lexicon.isExact(piece.substring(0, k)) && inflects(piece.substring(0, k), piece.substring(k))) {
                return k;
            }
        }
        return 0;
    }

    private boolean hasHead(String token) {
        for (int i = 0; i + 3 <= token.length(); i++) {
            if (heads.contains(token.substring(i, i + 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean lettersOnly(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isLetter(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

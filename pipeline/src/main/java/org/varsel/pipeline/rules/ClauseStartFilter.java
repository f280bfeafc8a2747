package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Puts the token {@value #TOKEN} just before the first word of a clause that may open with an imperative: wherever
 * {@link SentenceStartFilter} put {@code _start_}, after a comma or a dash ("Bitch, shut up", "if you see her, slap
 * her") unless the word is an item of a list ("when you assault, rape, and kill them"), and after "and", "or", "but",
 * "then", "so" or "&amp;" when the clause before it opened as an imperative does ("grab her and slap her", "shut up
 * and die"). A clause before "and" that opens with a subject ("they come and kill her", "I grab
 * her and …") or a bare plural or third-person form ("muslims come and …", "he comes and …") passes no imperative on:
 * the second verb shares the first one's subject. Past forms and gerunds get no marker, as at a sentence start.
 *
 * <p>A token of its own, not more {@code _start_} markers, so that a rule says which it means: the imperative read at
 * a sentence's start only (a reading the guards have measured since it was written) or at any clause. Like {@code
 * _start_} the marker shares the previous word's position, so no two words move apart and every other rule reads what
 * it read before. English documents only: the conjunctions are English words, and a Danish comma opens a subordinate
 * clause as often as a main one.
 */
final class ClauseStartFilter extends TokenFilter {

    /** The synthetic token rules write for "a clause starts here". */
    static final String TOKEN = "_clause_";

    /** The words after which a clause may go on in the imperative of the clause before. */
    /** The fewest capitalised words a text needs to be read as a headline in Title Case. */
    private static final int HEADLINE_WORDS = 7;

    private static final Set<String> CONJUNCTIONS = Set.of("and", "or", "but", "then", "so", "n");

    /**
     * The conjunctions that after a comma end a list ("assault, rape, and kill them") or join a clause that keeps the
     * subject of the one before: no clause of their own. "then" and "so" after a comma do open one ("…, so slap her").
     */
    private static final Set<String> LIST_CONJUNCTIONS = Set.of("and", "or", "but", "n");

    /** Endings of nouns that no verb of violence shares ({@link #nounByItsEnding}). */
    private static final List<String> NOUN_ENDINGS = List.of("ity", "tion", "sion", "ness", "ism", "ship", "hood");

    /** Words that open a sentence without being its verb: an imperative is not passed on from them to a verb after "and". */
    private static final Set<String> INTERJECTIONS = Set.of(
            "yeah",
            "yes",
            "yep",
            "yup",
            "nah",
            "nope",
            "ok",
            "okay",
            "well",
            "oh",
            "lol",
            "lmao",
            "wow",
            "hey",
            "haha",
            "also",
            "actually",
            "honestly",
            "seriously",
            "like",
            "as",
            "since",
            "even",
            "maybe",
            "sure");

    /**
     * The words that open a clause with a subject (pronouns, determiners, plurals without an "s"): the verb after them
     * is not an imperative, nor a verb after "and" in the same clause.
     */
    private static final Set<String> SUBJECTS = Set.of(
            "i",
            "you",
            "u",
            "ya",
            "ye",
            "he",
            "she",
            "it",
            "we",
            "they",
            "one",
            "someone",
            "somebody",
            "everyone",
            "everybody",
            "anyone",
            "anybody",
            "nobody",
            "noone",
            "who",
            "people",
            "men",
            "women",
            "police",
            "children",
            "kids",
            "folk",
            "the",
            "a",
            "an",
            "this",
            "that",
            "these",
            "those",
            "my",
            "your",
            "ur",
            "his",
            "her",
            "our",
            "their",
            "its",
            "some",
            "all",
            "many",
            "most",
            "every",
            "each",
            "any",
            "no",
            "there",
            "here",
            "im",
            "ive",
            "id",
            "ill",
            "youre",
            "hes",
            "shes",
            "theyre",
            "were",
            "if",
            "when",
            "while",
            "because",
            "cause",
            "what",
            "which",
            "where",
            "how",
            "why",
            "is",
            "are",
            "am",
            "was",
            "do",
            "does",
            "did",
            "will",
            "would",
            "can",
            "could",
            "should",
            "shall",
            "may",
            "might",
            "must");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final TokenPositions positions;
    /** The last token was {@code _start_}: the next word opens a sentence (and a clause). */
    private boolean afterSentenceMarker;
    /** The clause being read opened as an imperative may ("grab her …"), so a verb after "and" goes on in it. */
    private boolean imperativeClause;

    private boolean afterConjunction;
    /** The text is a headline in Title Case ({@link #titleCase}); null until its first token is read. */
    private Boolean headline;
    /** The token to give after the marker put before it: the sentence marker's copy or the clause's first word. */
    private State pending;
    /** A token of this document was given: a marker before the first has no earlier position to stand on. */
    private boolean given;

    /** {@code text} gives the text the tokenizer reads (after obfuscation folding), once the first token is read. */
    ClauseStartFilter(TokenStream in, Supplier<String> text) {
        super(in);
        this.positions = new TokenPositions(text);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        boolean first = !given;
        given = true;
        if (SentenceStartFilter.TOKEN.contentEquals(term)) {
            State sentenceMarker = captureState();
            term.setEmpty().append(TOKEN);
            increment.setPositionIncrement(0);
            pending = captureState();
            restoreState(sentenceMarker);
            afterSentenceMarker = true;
            return true;
        }
        if (increment.getPositionIncrement() == 0) {
            return true; // a token stacked on a word (_person_) opens nothing
        }
        String s = positions.text();
        if (headline == null) {
            headline = titleCase(s);
        }
        String word = term.toString();
        int before = positions.lastEnd();
        int start = positions.find(word);
        if (start < 0) {
            return true;
        }
        String between = s.substring(before, start);
        String lower = word.toLowerCase(Locale.ROOT);
        boolean conjunction = afterConjunction || between.indexOf('&') >= 0 || between.indexOf('+') >= 0;
        afterConjunction = CONJUNCTIONS.contains(lower);
        boolean marked = false;
        if (afterSentenceMarker || SentenceStartFilter.opensSentence(s, start)) {
            imperativeClause = afterSentenceMarker && mayOpenImperative(lower);
        } else if (headline) {
            imperativeClause = false; // a headline's verbs share the subject before them: only its sentences open
        } else if (between.indexOf(',') >= 0 || isDash(between)) {
            if (nounByItsEnding(lower)) {
                imperativeClause = false; // a list of nouns ("harassment, brutality, and murder"): no verb goes on
            } else if (!listItem(s, positions.lastEnd()) && !LIST_CONJUNCTIONS.contains(lower)) {
                imperativeClause = mayOpenImperative(lower);
                marked = mayBeImperativeVerb(lower);
            }
        } else if (conjunction && imperativeClause) {
            imperativeClause = afterConjunction || mayOpenImperative(lower);
            marked = mayBeImperativeVerb(lower);
        }
        afterSentenceMarker = false;
        if (marked) {
            pending = captureState();
            term.setEmpty().append(TOKEN);
            keyword.setKeyword(true);
            // the marker stands on the word before; a text's first word (after ", " or "— ") has none, and a first
            // token at increment 0 is refused by Lucene: there it takes a position of its own, as _start_ does
            increment.setPositionIncrement(first ? 1 : 0);
        }
        return true;
    }

    /**
     * Whether the text is written in Title Case, as headlines are: at least {@value #HEADLINE_WORDS} words of two
     * letters or more outside links, mentions and hashtags, and at least four in five of them capitalised (words in
     * capitals only count for neither side: a shout is no headline). In a headline every verb is capitalised, so a verb
     * after a comma or "and" looks like an imperative though its subject stands before it ("Muslims Take A Man, Shoot
     * Him Dead"); a short line ("Bitch, Shut Up And Die") is not read as one.
     */
    static boolean titleCase(String text) {
        int capitalised = 0;
        int words = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isRegexSpace(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (end < n && !isRegexSpace(text.charAt(end))) {
                end++;
            }
            if (end > i && !text.startsWith("http", i) && text.charAt(i) != '@' && text.charAt(i) != '#') {
                // the words are the runs of letters (code points) inside the run of non-spaces
                int j = i;
                while (j < end) {
                    int cp = text.codePointAt(j);
                    if (!Character.isLetter(cp)) {
                        j += Character.charCount(cp);
                        continue;
                    }
                    int start = j;
                    while (j < end && Character.isLetter(cp = text.codePointAt(j))) {
                        j += Character.charCount(cp);
                    }
                    if (j - start < 2 || inCapitalsOnly(text, start, j)) {
                        continue;
                    }
                    words++;
                    if (Character.isUpperCase(text.charAt(start))) {
                        capitalised++;
                    }
                }
            }
            i = end;
        }
        return capitalised >= HEADLINE_WORDS && capitalised * 5 >= words * 4;
    }

    /** The white space of a regular expression's {@code \\s}: not Unicode's. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * The word {@code text[start, end)} reads the same in upper case ({@code String.toUpperCase(Locale.ROOT)}): no
     * ASCII lower-case letter, and outside ASCII the JDK's own upper-casing (which turns "ß" into "SS").
     */
    private static boolean inCapitalsOnly(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c >= 0x80) {
                String w = text.substring(start, end);
                return w.equals(w.toUpperCase(Locale.ROOT));
            }
            if (c >= 'a' && c <= 'z') {
                return false;
            }
        }
        return true;
    }

    /** A dash between spaces (" - ", " – ", " — ") parts clauses as a comma does. */
    private static boolean isDash(String between) {
        String t = between.strip();
        return between.length() > t.length() && (t.equals("-") || t.equals("\u2013") || t.equals("\u2014"));
    }

    /**
     * A word that a comma follows at once is an item of a list ("when you assault, rape, and kill them"), not a
     * clause of its own: the clause it stands in keeps its subject.
     */
    private static boolean listItem(String s, int end) {
        int i = end;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i < s.length() && s.charAt(i) == ',';
    }

    /**
     * Whether a clause's first word may be an imperative verb: not a subject word, a conjunction, a past form or a
     * gerund, nor a plural or third-person form ("muslims", "comes"; "kiss", "focus" and "gas" are verbs). A clause
     * that opens with "then" or "so" is read by a rule's own opener ({@code "_clause_ @call_opener …"}), and passes no
     * imperative on to a verb after a later "and".
     */
    static boolean mayOpenImperative(String lower) {
        String w = lower.replace("'", "").replace("\u2019", "");
        if (SUBJECTS.contains(w)
                || CONJUNCTIONS.contains(w)
                || INTERJECTIONS.contains(w)
                || SentenceStartFilter.pastOrGerund(w)) {
            return false;
        }
        return !pluralOrThirdPerson(w);
    }

    /**
     * Whether a word inside a sentence may be an imperative verb: not a past form, a gerund or a third-person form
     * ("... and shoots him dead" tells of a shooting; its subject may be a name the analysis cannot see).
     */
    private static boolean mayBeImperativeVerb(String lower) {
        return !SentenceStartFilter.pastOrGerund(lower) && !pluralOrThirdPerson(lower.replace("'", ""));
    }

    /**
     * "brutality", "exploitation", "oppression", "racism": an ending of nouns that no verb of violence has, so the word after a comma is
     * an item of a list of nouns, and a word after its "and" is the list's last item ("police harassment, brutality,
     * and murder"), not an imperative. "-ment" is left out: "torment", "implement" are verbs too.
     */
    static boolean nounByItsEnding(String lower) {
        return lower.length() > 5 && NOUN_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    /** "muslims", "comes", "shoots"; not "kiss", "focus" or "gas", which are verbs as they stand. */
    private static boolean pluralOrThirdPerson(String w) {
        return w.length() > 2 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.equals("gas");
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        positions.reset();
        afterSentenceMarker = false;
        imperativeClause = false;
        afterConjunction = false;
        headline = null;
        pending = null;
        given = false;
    }
}

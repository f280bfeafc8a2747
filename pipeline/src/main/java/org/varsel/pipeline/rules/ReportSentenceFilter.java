package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;

/**
 * Stacks the token {@value #TOKEN} on every word of a sentence that opens like a news report: after a wire tag
 * ("BREAKING:", "JUST IN -", "VIDEO:"), with a source and its verb of saying ("Police say", "Officials in Aarhus
 * said", "According to witnesses"), after a source and a colon ("Police: man threatened ..."), or after a dateline
 * ("This day in 1973", "AARHUS (Reuters) -"). Its violence is what others did or said, so a hit whose every word lies in
 * such a sentence is read as reported ({@link HitInterpreter}), while the text's other sentences keep their weight:
 * "BREAKING: two migrants killed in Aarhus. Kill the rest of them" still calls for killing. A sentence in the first
 * person ("I", "we", "let's") is the author's own, whatever opens it. A bare place in capitals ("GERMANY: ... Muslim
 * invaders") is no dateline here: the IRA stream's disinformation headlines open so and dehumanise in their own voice.
 *
 * <p>Placed after the tokenizer (and the sentence and clause marks, whose tokens it passes by), where each word is
 * still a substring of the text the tokenizer read. English documents only; a rule may write the token itself.
 */
final class ReportSentenceFilter extends TextMarkerFilter {

    /** The synthetic token for "a word of a sentence that opens like a news report". */
    static final String TOKEN = "_report_";

    /** What ends a sentence, as {@link SentenceStartFilter#opensSentence} reads it. */
    private static final String SENTENCE_ENDS = ".!?:;\n\u2026";
    /** Opening quotes, brackets and list marks before a sentence's first word. */
    private static final String OPENING_MARKS = "\"'\u201C\u2018\u00AB\u00BB([*-#>\u2022";

    private static final String SOURCE = "(?:the\\s+)?(?:police|cops|officials?|authorities|witnesses|prosecutors"
            + "|investigators|officers|reports|sources|a\\s+spokes(?:man|woman|person)|(?:the\\s+)?ministry"
            + "|(?:state\\s+)?media|reuters|ap|afp)";
    private static final Pattern WIRE_TAG = Pattern.compile(
            "^(?:breaking(?:\\s+news)?|just\\s+in|update|developing|video|watch|photos?|exclusive|on\\s+this\\s+day)"
                    + "\\s*[:\\-\u2013\u2014|]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE_SAYS = Pattern.compile(
            "^" + SOURCE + "(?:\\s+\\S+){0,3}?\\s+(?:say|says|said|report|reports|reported|confirm|confirms|confirmed"
                    + "|told\\s+reporters)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ACCORDING_TO = Pattern.compile(
            "^according\\s+to\\s+(?:police|officials|authorities|witnesses|prosecutors|investigators|reports"
                    + "|sources|the\\s+(?:police|ministry|agency|report|indictment|court))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATELINE = Pattern.compile(
            "^(?:(?:on\\s+)?this\\s+day\\s+in\\s+\\d{4}\\b|[A-Z][A-Za-z .,]{1,40}\\((?:AP|Reuters|AFP|dpa|Ritzau)\\)\\s*"
                    + "[\\-\u2013\u2014])",
            Pattern.CASE_INSENSITIVE);
    /** A sentence that is only a wire tag or a source before its colon: the next sentence is the report. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(?:breaking(?:\\s+news)?|just\\s+in|update|developing|video|watch|photos?|exclusive|" + SOURCE
                    + ")\\s*:$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern FIRST_PERSON = Pattern.compile(
            "\\b(?:i|i'm|im|i'll|i'd|i've|me|my|mine|we|we're|we'll|we'd|we've|us|our|ours|let's|lets)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * The sentence the last word read stands in: its first character, the end mark that closes it (the text's length
     * when none does), and whether it opens like a report.
     */
    private int sentence = -1;

    private int sentenceEnd = -2;

    private boolean report;

    /** {@code text} gives the text the tokenizer reads (after obfuscation folding), once the first token is read. */
    ReportSentenceFilter(TokenStream in, Supplier<String> text) {
        super(in, TOKEN, text);
    }

    @Override
    boolean marks(String word) {
        if (Lexicons.isMarker(word)) {
            return false; // a mark another filter put in (_start_, _clause_, _person_) stands in no sentence
        }
        int start = positions.find(word);
        if (start < 0) {
            return false;
        }
        // a word up to the end mark of the last word's sentence stands in it too: looking back from every word to its
        // sentence's start read each sentence once for every word in it (docs/performance.md, session 23)
        if (start < sentence || start > sentenceEnd) {
            String text = positions.text();
            sentence = sentenceStart(text, start);
            sentenceEnd = sentenceEnd(text, sentence);
            report = opensLikeAReport(text, sentence);
        }
        return report;
    }

    /** True when the sentence that starts at {@code start} opens like a news report and is not in the first person. */
    static boolean opensLikeAReport(String text, int start) {
        String sentence = sentenceAt(text, start);
        if (sentence.isEmpty()) {
            return false;
        }
        boolean opens = WIRE_TAG.matcher(sentence).find()
                || SOURCE_SAYS.matcher(sentence).find()
                || ACCORDING_TO.matcher(sentence).find()
                || DATELINE.matcher(sentence).find()
                || LEAD_IN.matcher(sentence).matches()
                || start > 0
                        && LEAD_IN.matcher(sentenceAt(text, sentenceStart(text, start - 1)))
                                .matches();
        // the first person last: the openings (each anchored at the start) fail at once in most sentences, while its
        // search reads the whole sentence (docs/performance.md, session 23)
        return opens && !FIRST_PERSON.matcher(sentence).find();
    }

    /** Where the sentence holding the character at {@code at} starts: after the last sentence end before it. */
    private static int sentenceStart(String text, int at) {
        int i = Math.min(at, text.length()) - 1;
        while (i >= 0 && SENTENCE_ENDS.indexOf(text.charAt(i)) < 0) {
            i--;
        }
        return i + 1;
    }

    /** Where the end mark of the sentence that starts at {@code start} stands; the text's length when none closes it. */
    private static int sentenceEnd(String text, int start) {
        int end = start;
        while (end < text.length() && SENTENCE_ENDS.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    /** The sentence from {@code start} up to and with its end mark, without the marks and spaces that open it. */
    private static String sentenceAt(String text, int start) {
        int i = start;
        while (i < text.length()
                && (Character.isWhitespace(text.charAt(i)) || OPENING_MARKS.indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        int end = sentenceEnd(text, i);
        return text.substring(i, Math.min(end + 1, text.length())).trim();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        sentence = -1;
        sentenceEnd = -2;
        report = false;
    }
}

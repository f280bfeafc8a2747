package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;

/**
 * Stacks the token {@value #TOKEN} on every word of a sentence that opens like a news report: after a wire tag
 * ("BREAKING:", "JUST IN -", "VIDEO:"), with a source and its verb of saying ("Police say", "Officials in Aarhus
 * said", "According to witnesses"), after a source and a colon ("Police: man threatened ..."), or after a dateline
 * ("This day in 1973", "AARHUS (Reuters) -"); or one that attributes what it says anywhere in it ("..., officials
 * said", "told police", "the court heard", "police are investigating"), with the words it quotes after its colon
 * ("Police said the note read: we know where she lives") or before a sentence that points back at them ("Kill Karen
 * Holm. That is what the man wrote, police said"). Its violence is what others did or said, so a hit whose every word
 * lies in such a sentence is read as reported ({@link HitInterpreter}), while the text's other sentences keep their
 * weight: "BREAKING: two migrants killed in Aarhus. Kill the rest of them" still calls for killing. These attributions
 * acted on the whole text, as counter-speech words, until session 23. A sentence in the first person ("I", "we",
 * "let's") is the author's own, whatever opens it, save the words a report quotes. A bare place in capitals ("GERMANY: ... Muslim
 * invaders") is no dateline here: the IRA stream's disinformation headlines open so and dehumanise in their own voice.
 *
 * <p>Placed after the tokenizer (and the sentence and clause marks, whose tokens it passes by), where each word is
 * still a substring of the text the tokenizer read. English documents only; a rule may write the token itself.
 */
final class ReportSentenceFilter extends TextMarkerFilter {

    /** The synthetic token for "a word of a sentence that opens like a news report". */
    static final String TOKEN = "_report_";

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
    /** "According to police" anywhere in the sentence: "the crowd, according to witnesses, shouted ...". */
    private static final Pattern ACCORDING_TO = Pattern.compile(
            "\\baccording\\s+to\\s+(?:police|officials|authorities|witnesses|prosecutors|investigators|reports"
                    + "|sources|the\\s+(?:police|ministry|agency|report|indictment|court))\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * An attribution anywhere in the sentence: a source and its verb of saying that close it, as wire copy puts them
     * ("..., officials in Geneva said."; not "police say nothing", which is the author's), what was told to the police
     * or heard in court, or the police at work on it.
     */
    private static final Pattern ATTRIBUTED = Pattern.compile(
            ",\\s*" + SOURCE + "(?:\\s+\\S+){0,3}?\\s+(?:say|says|said|reported|confirmed)\\W*$"
                    + "|\\b(?:told\\s+(?:the\\s+)?(?:police|court|jury)|the\\s+court\\s+heard|in\\s+a\\s+statement"
                    + "|police\\s+(?:are\\s+investigating|investigate|investigated|have\\s+arrested))\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * A sentence that points back at the one before it as someone's words ("That is what the man wrote, police
     * said"): the sentence before it is what they wrote.
     */
    private static final Pattern POINTS_BACK = Pattern.compile(
            "^(?:that\\s+is|that's|this\\s+is|those\\s+were|these\\s+were)\\s+(?:what|the\\s+words)\\b.*\\b(?:wrote"
                    + "|said|says|posted|shouted|chanted|tweeted)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Someone else's words, claim, fear or warning introduced anywhere in the sentence ("he said that", "Trump says
     * the", "they say", "someone wrote", "somebody posted", "a guy told me that", "threatened to", "the false claim that", "feared a",
     * "warned that"): the words after them are the speaker's, so a first person among them is the speaker's too
     * ({@link Openings#quotesSomeoneElse}), and the words before them are the topic the speaker's words are about
     * ("the towns they say are peaceful"). "Do as they say" and "as they say" are no one's words reported. These acted on the whole text, as counter-speech words, until session 23's
     * second round; claims, fears and warnings, and "someone / somebody wrote / posted" (ttl-en-counter-speech's),
     * since session 25. Package-private for its test, as {@link #SECONDHAND}.
     */
    static final Pattern SPEECH = atWordStarts(
            "(?:say|says|saying|said|claim|claims|claimed|claiming|alleged|alleges|warned|warns|fears|feared"
                    + "|believed|insisted|insists|shouting|shouted|posted|tweeted)\\s+that\\b"
                    + "|(?:says|said)\\s+(?:the|all|every)\\b"
                    + "|(?<!\\bas\\s)(?<!\\bwhat\\s)(?:they|people|some|many|others)\\s+(?:say|said|claim|claimed)\\b"
                    + "|(?:allegations?|rumou?rs?|myth|lie|accusations?)\\s+that\\b|feared\\s+(?:a|an)\\b"
                    + "|(?:keeps|kept)\\s+saying\\b|(?:threaten|threatened|threatening|threatens)\\s+to\\b"
                    + "|(?:someone|somebody|a\\s+(?:man|guy|woman)|some\\s+guy|man\\s+in\\s+my\\s+class)\\s+said\\b"
                    + "|(?:someone|somebody|a\\s+man|he|she|they)(?:\\s+(?:just|once|else))?\\s+(?:wrote|posted)\\b"
                    + "|(?:told\\s+(?:me|us|my\\s+friend)|said\\s+to\\s+me)\\s+that\\b");

    /**
     * What the author passes on as someone else's, whoever the speaker: what they heard or read ("I read that the
     * radio called ..."), and a fact about others they could post ("I could post that he was given an award for ...":
     * a pronoun or a noun after its article, at most one word, no modal, then a verb in the past). Not when the words
     * passed on are the author's ("I heard that we should ...", "I could post that they should be shot").
     */
    static final Pattern SECONDHAND =
            atWordStarts("(?:heard|read|learned|learnt|(?:was|were)\\s+told)\\s+that\\s+(?!(?:i|we|i'm|we're)\\b)"
                    + "|(?:could|can|might)\\s+(?:also\\s+|just\\s+)?(?:post|say|tell\\s+you|mention|add"
                    + "|point\\s+out|write|tweet)\\s+that\\s+(?:he|she|they|it|this|(?:the|his|her|their|a|an)\\s+\\w+)"
                    + "(?:\\s+(?!(?:should|must|ought|will|would|shall|need|needs|deserve|deserves|be|to)\\b)\\w+)?"
                    + "\\s+(?:was|were|had|did|got|\\w+ed)\\b");

    /**
     * The alternatives, each opening with a letter at a word's start (written without their leading {@code \b}),
     * case-insensitive: the same matches as {@code \b(?:a)|\b(?:b)|...}, but a search tries the alternatives only
     * where a word starts, not at every character and every word's end, where each of them failed in turn (two thirds
     * of {@link #SPEECH}'s search, which was a tenth of rule matching; docs/performance.md, session 26). An alternative
     * that opens with anything but a letter would silently lose its matches: {@link WordStartAlternatives} refuses it
     * when the class loads. Package-private for its test.
     */
    static Pattern atWordStarts(String alternatives) {
        return WordStartAlternatives.compile(alternatives);
    }

    /** The group of {@link #WORDS_REPEATED} that holds an adverb of repetition ("again", "one more time"). */
    private static final String ADVERB = "adverb";

    /**
     * A "say that" whose "that" points at words already said, so that it reports none: the other's words repeated in a
     * condition or a dare ("If she says that again I'll slap her", "Say that to my face and I'll break your jaw", "you
     * say that one more time and you're dead", "say that shit about my mother", "if you say that, I'll ..." with the condition below). Read from
     * the end of the "say that" ({@link #SAY_THAT}) in the verb of saying {@link #SPEECH} found. "He says that they will
     * kill us" and "she said that he should be shot" still report, and so does a report whose words open with the
     * adverb ({@link #REPORTED_SUBJECT}).
     */
    static final Pattern WORDS_REPEATED = Pattern.compile(
            "(?:\\s*[!?.]+\\W*$|\\s*$|\\s+(?:(?:shit|crap|stuff|word)\\s+)?(?:(?<" + ADVERB + ">again\\b"
                    + "|one\\s+more\\s+time\\b|once\\s+more\\b|ever\\s+again\\b)|and\\b|in\\s+front\\s+of\\b"
                    + "|to\\s+(?:me|us|him|her|them|my|our|his|their|your)\\b"
                    + "|about\\s+(?:me|us|you|him|her|them|my|our|your|his)\\b))",
            Pattern.CASE_INSENSITIVE);

    /**
     * The subject of a clause after "that" and an adverb: "The minister said that again the migrants will …", "Police
     * said that once more a man was stabbed" report words that open with the adverb, unlike "If she says that again I'll
     * slap her" (a condition) or "Say that again the …" (a dare). A third person or a determiner only: after "again" the
     * author's "I" or "we" is the author's promise ("she said that again I'll slap her").
     */
    private static final Pattern REPORTED_SUBJECT = Pattern.compile(
            "\\s+(?:the|a|an|all|these|those|this|some|many|most|every|each|no|our|their|his|its|they|he|she|it|there"
                    + "|people)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SAY_THAT =
            Pattern.compile("\\b(?:say|says|saying|said)\\s+that\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A condition in the speaker's clause ("if he says that", "when you say that", "next time she says that") and the
     * author's promise after its "that" ({@link #AUTHORS_PROMISE}: "... I'll slap him", "... we're gonna ..."): the
     * promise is the consequence, the author's own, not the words the condition's speaker would say.
     */
    private static final Pattern CONDITION =
            Pattern.compile("\\b(?:if|when|whenever|next\\s+time|ever|dare)\\b", Pattern.CASE_INSENSITIVE);

    /** The author's promise, read from the end of the condition's "say that". */
    private static final Pattern AUTHORS_PROMISE = Pattern.compile(
            "\\s*,?\\s+(?:i|we)(?:'ll|\\s+will|'m\\s+(?:gonna|going\\s+to)|\\s+am\\s+(?:gonna|going\\s+to)|'re\\s+gonna"
                    + "|\\s+are\\s+gonna)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The author as the speaker: "I said that", "we posted that" are the author's own words. */
    private static final Pattern FIRST_PERSON_SPEAKER =
            Pattern.compile("\\b(?:i|i'm|im|i've|i'd|i'll|we|we're|we've|we'd|we'll)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Where the speaker's clause begins: the speaker of "who lets women threaten to" is the women, not the "I" of "I'm
     * sorry, your dad is a fool who ...".
     */
    private static final Pattern CLAUSE_BOUNDARY =
            Pattern.compile("[,;]|\\b(?:who|which|whom|that)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * The author taking the word after a report in the same sentence ("they say they are peaceful, but I say kill
     * them", "..., so let's shoot them"): the sentence is the author's, as it would be after a full stop.
     */
    private static final Pattern AUTHORS_TURN = Pattern.compile(
            "\\b(?:but|so|and|now)\\s+(?:i|we|let'?s)\\b|\\b(?:i|we)\\s+(?:say|think|reckon)\\b|\\blet'?s\\b",
            Pattern.CASE_INSENSITIVE);

    /** Testimony heard in court: every person in the sentence is a witness's or the accused's, not the author's. */
    private static final Pattern COURT_HEARD =
            Pattern.compile("^the\\s+(?:court|jury)\\s+(?:heard|was\\s+told)\\b", Pattern.CASE_INSENSITIVE);

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
     * The sentence the last word read stands in (its first character and just after its end mark), and whether it
     * opens like a report.
     */
    private int sentence = -1;

    private int sentenceEnd = -1;

    private boolean report;

    private final Openings openings = new Openings();

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
        // a word before the end of the last word's sentence stands in it too: looking back from every word to its
        // sentence's start read each sentence once for every word in it (docs/performance.md, session 23)
        if (start < sentence || start >= sentenceEnd) {
            String text = positions.text();
            sentence = Sentences.startOf(text, start);
            sentenceEnd = Sentences.endOf(text, sentence);
            report = openings.opensLikeAReport(text, sentence);
        }
        return report;
    }

    /**
     * The report's regular expressions, a matcher of each kept and reset for every sentence read: making the five to ten
     * a sentence asks anew was a tenth of the mark's cost (docs/performance.md, session 24). One a filter, as a
     * matcher is for one thread.
     */
    static final class Openings {
        private final Matcher wireTag = WIRE_TAG.matcher("");
        private final Matcher sourceSays = SOURCE_SAYS.matcher("");
        private final Matcher accordingTo = ACCORDING_TO.matcher("");
        private final Matcher attributed = ATTRIBUTED.matcher("");
        private final Matcher pointsBack = POINTS_BACK.matcher("");
        private final Matcher courtHeard = COURT_HEARD.matcher("");
        private final Matcher dateline = DATELINE.matcher("");
        private final Matcher leadIn = LEAD_IN.matcher("");
        private final Matcher firstPerson = FIRST_PERSON.matcher("");
        private final Matcher speech = SPEECH.matcher("");
        private final Matcher secondhand = SECONDHAND.matcher("");
        private final Matcher firstPersonSpeaker = FIRST_PERSON_SPEAKER.matcher("");
        private final Matcher clauseBoundary = CLAUSE_BOUNDARY.matcher("");
        private final Matcher authorsTurn = AUTHORS_TURN.matcher("");
        private final Matcher sayThat = SAY_THAT.matcher("");
        private final Matcher wordsRepeated = WORDS_REPEATED.matcher("");
        private final Matcher condition = CONDITION.matcher("");
        private final Matcher authorsPromise = AUTHORS_PROMISE.matcher("");
        private final Matcher reportedSubject = REPORTED_SUBJECT.matcher("");
        /**
         * {@link #reports}' answer for each sentence read since {@link #forget}: a sentence is asked of as itself and
         * again as the one before a sentence (after its colon) or after one (pointing back), and its regular
         * expressions were read anew each time (docs/performance.md, session 26). An answer depends on the sentence's
         * words alone.
         */
        private final Map<String, Boolean> answers = new HashMap<>();

        /**
         * True when the sentence that starts at {@code start} is a report's: it opens like a news report or attributes
         * what it says, and is not in the first person; or it is the words a report quotes, after the report's colon or
         * before a sentence that points back at it, or testimony heard in court, where a first person is the quoted
         * speaker's.
         */
        boolean opensLikeAReport(String text, int start) {
            String sentence = sentenceAt(text, start);
            if (sentence.isEmpty()) {
                return false;
            }
            String before = start > 0 ? sentenceAt(text, Sentences.startOf(text, start - 1)) : "";
            int next = Sentences.endOf(text, start);
            String after = next < text.length() ? sentenceAt(text, next) : "";
            if (courtHeard.reset(sentence).find()
                    || (before.endsWith(":") && !leadIn.reset(before).matches() && reports(before))
                    || (pointsBack.reset(after).find() && reports(after))) {
                return true;
            }
            return reports(sentence)
                    || (leadIn.reset(before).matches()
                            && !firstPerson.reset(sentence).find());
        }

        /** Forgets the sentences read: a filter calls it for each text, so that the answers kept are one text's. */
        void forget() {
            answers.clear();
        }

        /** A sentence that opens like a news report or attributes what it says, not in the first person. */
        private boolean reports(String sentence) {
            Boolean known = answers.get(sentence);
            if (known == null) {
                known = readsAsAReport(sentence);
                answers.put(sentence, known);
            }
            return known;
        }

        /** {@link #reports}, read from the sentence's words. */
        private boolean readsAsAReport(String sentence) {
            // the first person last: most openings are anchored at the start and fail at once in most sentences, while
            // its search reads the whole sentence (docs/performance.md, session 23)
            return (wireTag.reset(sentence).find()
                                    || sourceSays.reset(sentence).find()
                                    || accordingTo.reset(sentence).find()
                                    || attributed.reset(sentence).find()
                                    || pointsBack.reset(sentence).find()
                                    || dateline.reset(sentence).find()
                                    || leadIn.reset(sentence).matches())
                            && !firstPerson.reset(sentence).find()
                    || quotesSomeoneElse(sentence);
        }

        /**
         * A sentence that gives someone else's words: a verb of saying, claiming or fearing whose speaker, in its
         * clause before the verb, is not the author (the first person read last: "a guy told me that I ..." quotes the
         * guy), or words the author heard, read or could post about others; and the author does not take the word
         * after them in the same sentence. The speaker is looked for in a region, which reads as that substring would
         * (opaque bounds).
         */
        private boolean quotesSomeoneElse(String sentence) {
            speech.reset(sentence);
            while (speech.find()) {
                int clause = clauseStart(sentence, speech.start());
                if (!authorSpeaks(sentence, clause, speech.start())
                        && !authorTakesTheWord(sentence, speech.end())
                        && !reportsNoWords(sentence, clause, speech.start(), speech.end())) {
                    return true;
                }
            }
            return secondhand.reset(sentence).find() && !authorTakesTheWord(sentence, secondhand.end());
        }

        /** A first person in the clause from {@code clause} to where the verb of saying at {@code verb} starts. */
        private boolean authorSpeaks(String sentence, int clause, int verb) {
            return firstPersonSpeaker.reset(sentence).region(clause, verb).find();
        }

        /** Where the clause that ends at {@code verb} starts. */
        private int clauseStart(String sentence, int verb) {
            int clause = 0;
            clauseBoundary.reset(sentence).region(0, verb);
            while (clauseBoundary.find()) {
                clause = clauseBoundary.end();
            }
            return clause;
        }

        /**
         * The verb of saying from {@code verb} to {@code end}, in the clause from {@code clause}, reports no words: its
         * "that" points at words already said ({@link #WORDS_REPEATED}) and the words after it are not a report's that
         * open with an adverb, or it stands in a condition and the author's promise follows its "that" ("if he says
         * that I'll slap him").
         */
        private boolean reportsNoWords(String sentence, int clause, int verb, int end) {
            // "they say that" is found as "they say": its "say that" starts within the match
            if (!sayThat.reset(sentence).region(verb, sentence.length()).find() || sayThat.start() >= end) {
                return false;
            }
            int that = sayThat.end();
            boolean inACondition =
                    condition.reset(sentence).region(clause, verb).find();
            if (afterThat(wordsRepeated, sentence, that)) {
                return inACondition || !reportOpensWithTheAdverb(sentence, clause, verb, that);
            }
            return inACondition && afterThat(authorsPromise, sentence, that);
        }

        /**
         * The "that" at {@code that} opens the words reported and the adverb of repetition {@link #WORDS_REPEATED}
         * found right after it is their first word: a subject follows the adverb ({@link #REPORTED_SUBJECT}) and the
         * speaker is named before the verb, so it is no dare ("Say that again the …"). Read after a match of
         * {@link #WORDS_REPEATED} outside a condition.
         */
        private boolean reportOpensWithTheAdverb(String sentence, int clause, int verb, int that) {
            int adverb = wordsRepeated.start(ADVERB);
            return adverb >= 0
                    && sentence.substring(that, adverb).isBlank()
                    && !sentence.substring(clause, verb).isBlank()
                    && reportedSubject
                            .reset(sentence)
                            .region(wordsRepeated.end(), sentence.length())
                            .lookingAt();
        }

        /** Whether {@code matcher}'s expression matches from {@code that}, the end of a "say that". */
        private static boolean afterThat(Matcher matcher, String sentence, int that) {
            return matcher.reset(sentence).region(that, sentence.length()).lookingAt();
        }

        private boolean authorTakesTheWord(String sentence, int from) {
            return authorsTurn.reset(sentence).region(from, sentence.length()).find();
        }
    }

    /** The sentence from {@code start} up to and with its end mark, without the marks and spaces that open it. */
    private static String sentenceAt(String text, int start) {
        int i = start;
        while (i < text.length()
                && (Character.isWhitespace(text.charAt(i)) || OPENING_MARKS.indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        return text.substring(i, Sentences.endOf(text, i)).trim();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        sentence = -1;
        sentenceEnd = -1;
        report = false;
        openings.forget();
    }
}

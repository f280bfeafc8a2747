package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenStream;

/**
 * Stacks the token {@value #TOKEN} on the first word of speech the text quotes from someone else, so that a context
 * rule can read it as reported: words in quotation marks after a colon or a verb of speech ("Law student: ‘I’ll kill
 * you …’", "yelled 'I will kill you'"), the statement of a Title Case headline after its speaker ("Church Pastor:
 * … You Should Be Shot") or after its verb of speech ("Rioters Burn Shops Chant Gas The Jews"), the words of a
 * one-word speaker before a colon ("Cop: If I can get away with it, I would …"), a line quoted whole with nothing but
 * hashtags after it (a show's or a song's: "\"… I'll cut off your balls.\" #HTGAWM"), a stance the text gives to
 * someone named in the genitive ("Hillary's plan to prevent future attacks: Take our guns …"), and the turns of a
 * dialogue, run together or not ("Trump: I want to kick out … Y'all: …", "… animals Flynn: Islam is …"). A first
 * person inside such a quotation is the quoted speaker's, not the author's. Not after a handle ("@user: …" is a reply
 * or retweet) nor after a first-person speaker ("I say to them: 'leave'").
 *
 * <p>Placed straight after the tokenizer, where tokens are substrings of the text it read (as {@link
 * PersonNameFilter}); documents only.
 */
final class QuotedSpeechFilter extends TextMarkerFilter {

    /** The synthetic token context rules write for "speech quoted from someone else". */
    static final String TOKEN = "_quoted_";

    private static final String OPENING_QUOTES = "\"'\u201C\u2018\u00AB\u201E";
    /** After a verb of speech a parenthesis opens the words spoken too ("shouting (death to …)"). */
    private static final String OPENING_AFTER_SPEECH = OPENING_QUOTES + "(";
    /** Verbs that introduce a quotation when a quote mark follows them. Lower case. */
    private static final Set<String> SPEECH_VERBS = Set.of(
            "said",
            "says",
            "yelled",
            "yells",
            "shouted",
            "shouts",
            "screamed",
            "screams",
            "told",
            "tells",
            "wrote",
            "writes",
            "tweeted",
            "tweets",
            "chanted",
            "chants",
            "warned",
            "warns",
            "threatened",
            "saying",
            "shouting",
            "yelling",
            "screaming",
            "tweeting",
            "posted",
            "reveals",
            "revealed",
            "admits",
            "admitted",
            "testified",
            "sagde",
            "siger",
            "skrev",
            "råbte",
            "truede");
    /** Verbs of speech a Title Case headline writes before the words it reports ("Protesters Chant Gas The Jews"). */
    private static final Set<String> HEADLINE_SPEECH_VERBS = Set.of("chant", "say", "tell", "shout", "yell", "scream");
    /** Words between a subject and its verb of speech ("I'm saying", "we were chanting"). Lower case. */
    private static final Set<String> AUXILIARIES =
            Set.of("m", "am", "is", "s", "are", "re", "was", "were", "ve", "have", "has", "had", "d", "just", "also");
    /** Subjects that open speech reported without quotation marks ("a lunatic says I'm gonna …"). Lower case. */
    private static final Set<String> SPEAKING_FIRST_PERSON = Set.of("i", "we");
    /** Words that speak to someone: after a colon they make the word before it an address, not a speaker. Lower case. */
    private static final Set<String> SECOND_PERSON =
            Set.of("you", "your", "yours", "yourself", "u", "ur", "ya", "yall");
    /**
     * Words the author writes before a colon to label their own words ("Update: I'm …", "Confession: I …"), not a
     * speaker. Lower case.
     */
    private static final Set<String> AUTHORS_LABELS = Set.of(
            "update",
            "breaking",
            "watch",
            "confession",
            "sidenote",
            "secret",
            "random",
            "funny",
            "irony",
            "shorter",
            "translation",
            "note",
            "edit",
            "reminder",
            "warning",
            "alert",
            "truth",
            "fact",
            "honestly",
            "seriously",
            "mood",
            "goal",
            "plan",
            "promise",
            "threat",
            "message",
            "question",
            "answer",
            "also",
            "today",
            "tonight",
            "tomorrow",
            "now",
            "then",
            "listen",
            "look",
            "re",
            "ps",
            "psa",
            "fyi");
    /**
     * Nouns of a stance that a genitive gives to someone ("Hillary's plan:", "Feminists' logic:", "Clinton's public
     * position on Assange:"). Lower case.
     */
    private static final Set<String> STANCE_NOUNS = Set.of(
            "position",
            "positions",
            "view",
            "views",
            "stance",
            "plan",
            "message",
            "answer",
            "response",
            "reaction",
            "solution",
            "policy",
            "idea",
            "advice",
            "motto",
            "strategy",
            "logic",
            "attitude",
            "opinion",
            "take",
            "approach",
            "doctrine",
            "agenda",
            "proposal",
            "philosophy");
    /** Words ending in "'s" that are a contraction of "is" ("Here's an idea:"), not a genitive. Lower case. */
    private static final Set<String> CONTRACTED_IS =
            Set.of("here", "there", "it", "that", "what", "who", "he", "she", "let", "where", "how", "this");
    /** Most words before the colon of a stance given to someone ("Hillary Clinton's public position on Julian Assange"). */
    private static final int MAX_STANCE_WORDS = 8;
    /** The longest word a stance's check compares whole: "philosophy" of {@link #STANCE_NOUNS}, longer than "where". */
    private static final int LONGEST_COMPARED_WORD = 10;
    /** Words of the statement after a one-word speaker's colon in which the speaker's "I" or "we" must stand. */
    private static final int SPEAKER_FIRST_PERSON_WITHIN = 3;
    /** Words that say a quotation before them is a report's ("'…' Bridgegate trial reveals"). Lower case. */
    private static final String REPORT_WORDS = "reveals|revealed|says|said|told|trial|court|video|shows|claims|claimed"
            + "|report|reports|reported|admits|admitted|testifies|testified|tape|audio|recording|emails?|transcript";
    /** Compiled once: {@code String.split} with a pattern of more than one character compiles it on every call. */
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /**
     * A quotation that opens the text and, within four words after it, a word of a report ("'I will destroy you!'
     * trial reveals"), or a link straight after it (a headline that quotes its subject, as news sites post them). A
     * quotation that opens with a handle is a reply the stream wraps in quote marks; a closing mark before a letter is an
     * apostrophe ("I'm").
     */
    private static final Pattern REPORTED_QUOTATION = Pattern.compile(
            "\\s*[\"'\u201C\u2018](?!@)(.{1,200}?)[\"'\u201D\u2019](?!\\p{L})\\s*,?\\s*"
                    + "(?:https?://|((?:[^\\s]+\\s+){0,3}?)(?i:" + REPORT_WORDS + ")\\b)",
            Pattern.DOTALL);
    /**
     * A text that is one quotation in double quotation marks with nothing but hashtags and signs after it: a line of a
     * show or a song, its title as the hashtag ("\"… I'll cut off your balls.\" #HTGAWM"), or lyrics quoted whole. Not
     * in single marks: the IRA stream wraps some tweets whole in them, the author's own words among them; not with a
     * space inside the marks, as Jigsaw's comments come wrapped whole ("\" next time I'll unscrew your head \"").
     */
    private static final Pattern WHOLE_LINE_QUOTATION = Pattern.compile(
            "\\s*[\"\u201C](?![\\s@])(.{0,279}?\\S)[\"\u201D](?!\\p{L})(?:[^\\p{L}\\p{N}#@]*#[\\p{L}\\p{N}_]+)*[^\\p{L}\\p{N}#@]*",
            Pattern.DOTALL);
    /** Forms of "be" before the quotative "like" ("they are like 'we will …'"). Lower case. */
    private static final Set<String> QUOTATIVE_BE = Set.of("is", "are", "was", "were", "be", "s", "re");
    /** A first person before the colon: the author quotes themself. Lower case. */
    private static final Set<String> FIRST_PERSON =
            Set.of("i", "we", "my", "our", "me", "us", "jeg", "vi", "min", "vores", "os");
    /** The length of {@link #FIRST_PERSON}'s longest word: a longer word of ASCII letters is none of them. */
    private static final int LONGEST_FIRST_PERSON =
            FIRST_PERSON.stream().mapToInt(String::length).max().orElseThrow();
    /** Most words of a headline's speaker ("Trump Elector", "Islamic Scholar", "Alabama law school student"). */
    private static final int MAX_SPEAKER_WORDS = 5;
    /** Most words of a dialogue's speaker ("killer clown", "Y'all"). */
    private static final int MAX_TURN_SPEAKER_WORDS = 3;
    /** Fewest words of a headline's statement: "Muslims: Go Home" is a shout, not a headline. */
    private static final int MIN_HEADLINE_WORDS = 4;

    /** A quotation that opens the text, then a tilde or a dash and a capitalised name of one to four words. */
    private static final Pattern SIGNED_QUOTATION = Pattern.compile(
            "\\s*[\"'\u201C\u2018](.+?)[\"'\u201D\u2019]\\s*(?:~|-|\u2013|\u2014)\\s*(\\p{Lu}[\\p{L}.'\u2019]*)"
                    + "(?:\\s+\\p{Lu}[\\p{L}.'\u2019]*){0,3}",
            Pattern.DOTALL);

    /**
     * A text whose last sentence ends and is followed by a name of two or three capitalised words, with nothing after
     * the name but links and hashtags: a saying posted with its author's name and no marks ("... you will be robbed,
     * you will be killed.  Marcus Garvey https://t.co/x1"). After a comma the name is the one addressed ("you will be
     * killed, Marcus Garvey").
     */
    private static final Pattern ATTRIBUTED_SAYING =
            Pattern.compile("\\S[.!?\u2026][\"'\u201D\u2019]?\\s+(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){1,2})"
                    + "(?:\\s+(?:https?://|#)\\S*)*\\s*\\z");
    /**
     * The lexicon of the capitalised words that open a slogan, a greeting or a headline's tag after the last sentence,
     * not a name ("Vote Trump", "Happy Thanksgiving", "Breaking News", "My Story"): analysts edit it, the filter reads it
     * in every language, as it reads every language's texts.
     */
    static final String NOT_AN_AUTHOR = "not_an_author";
    /** Fewest words of a saying before its author's name: "Bye. Karen Holm" signs a message, it quotes nothing. */
    private static final int MIN_SAYING_WORDS = 4;

    /** The words of the {@value #NOT_AN_AUTHOR} lexicons, lower case. */
    private final Set<String> notAnAuthor;

    private List<Integer> quotations;
    private int nextQuotation;

    /**
     * {@code text} gives the text the tokenizer reads (after obfuscation folding), once the first token is read;
     * {@code notAnAuthor} the words no saying's author's name holds ({@link #notAnAuthorIn}).
     */
    QuotedSpeechFilter(TokenStream in, Supplier<String> text, Set<String> notAnAuthor) {
        super(in, TOKEN, text);
        this.notAnAuthor = notAnAuthor;
    }

    /** The words of the {@value #NOT_AN_AUTHOR} lexicons among {@code lexicons}, lower case, of every language. */
    static Set<String> notAnAuthorIn(List<Lexicon> lexicons) {
        return lexicons.stream()
                .filter(l -> l.name().equals(NOT_AN_AUTHOR))
                .flatMap(l -> l.entries().stream())
                .flatMap(e -> e.allForms().stream())
                // "=let": the word, which the lexicon check wants written so ("let's" analyses as "let")
                .map(AsWritten::bare)
                .map(f -> f.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    boolean marks(String word) {
        if (quotations == null) {
            quotations = quotationStarts(positions.text(), notAnAuthor);
        }
        int start = positions.find(word);
        boolean opens = false;
        if (start >= 0) {
            while (nextQuotation < quotations.size() && start >= quotations.get(nextQuotation)) {
                nextQuotation++;
                opens = true;
            }
        }
        return opens;
    }

    /**
     * Where each quotation of someone else's speech starts in {@code s}, in order; {@code notAnAuthor}: the words no
     * saying's author's name holds.
     */
    static List<Integer> quotationStarts(String s, Set<String> notAnAuthor) {
        List<Integer> starts = new ArrayList<>();
        signedQuotation(s)
                .or(() -> reportedQuotation(s))
                .or(() -> wholeLineQuotation(s))
                .or(() -> attributedSaying(s, notAnAuthor))
                .ifPresent(starts::add);
        boolean dialogue = isDialogue(s);
        // read once, so that the checks at each colon read the words before it in place
        int firstPersonEnd = firstPersonEnd(s);
        OpeningWords opening = new OpeningWords(s, Math.max(MAX_SPEAKER_WORDS, MAX_STANCE_WORDS));
        int speakerEnd = capitalisedWordEnd(s, opening);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ':' && !Character.isWhitespace(c)) {
                // only a colon or a space opens a quotation: the spaces after every other character were skipped and
                // read for a quote mark in vain (docs/performance.md, session 26)
                continue;
            }
            int after = skipSpaces(s, i + 1);
            boolean quoteFollows = after < s.length() && OPENING_QUOTES.indexOf(s.charAt(after)) >= 0;
            if (c == ':'
                    && !afterHandle(s, i)
                    && firstPersonEnd > i
                    && (quoteFollows
                            || headlineSpeaker(s, opening, i)
                            || oneWordSpeaker(s, opening, speakerEnd, i)
                            || stanceOfAnother(s, opening, i))) {
                starts.add(after);
            } else if (c == ':'
                    && dialogue
                    && lineSpeaker(s, i).filter(w -> !FIRST_PERSON.contains(w)).isPresent()) {
                starts.add(after);
            } else if (Character.isWhitespace(c)
                    && (opensSpeech(s, after) && spokenByAnother(s, i) || headlineReportsSpeech(s, i))) {
                starts.add(after);
            }
        }
        return starts;
    }

    /**
     * Where the quotation starts when the text opens with one and signs it with its speaker's name after a tilde or a
     * dash ("'You destroy them.' ~ Judge Jeanine Pirro"), as quotations of the famous are posted.
     */
    private static Optional<Integer> signedQuotation(String s) {
        Matcher m = SIGNED_QUOTATION.matcher(s);
        if (!m.lookingAt() || FIRST_PERSON.contains(m.group(2).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(m.start(1));
    }

    /**
     * Where the quotation starts when the text opens with one and a report follows it: a report word within four words
     * ("'I will f*cking destroy you!' Bridgegate trial reveals") or a link straight after it. Not when the words between
     * are the author's ("'…' I said").
     */
    private static Optional<Integer> reportedQuotation(String s) {
        Matcher m = REPORTED_QUOTATION.matcher(s);
        if (!m.lookingAt() || m.group(2) != null && firstPersonEnd(m.group(2)) != Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(m.start(1));
    }

    /**
     * Where the saying starts when the text ends in its author's name ({@link #ATTRIBUTED_SAYING}): at the text's first
     * word, when no word of the name is one of {@code notAnAuthor} (a slogan's, a greeting's) and the saying has {@link
     * #MIN_SAYING_WORDS} words or more.
     */
    private static Optional<Integer> attributedSaying(String s, Set<String> notAnAuthor) {
        Matcher m = ATTRIBUTED_SAYING.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        String[] name = m.group(1).toLowerCase(Locale.ROOT).split("\\s+");
        int start = skipSpaces(s, 0);
        boolean slogan = Arrays.stream(name).anyMatch(notAnAuthor::contains);
        boolean saying = s.substring(start, m.start(1)).trim().split("\\s+").length >= MIN_SAYING_WORDS;
        return slogan || !saying ? Optional.empty() : Optional.of(start);
    }

    /** Where the quotation starts when the text is one line quoted whole ({@link #WHOLE_LINE_QUOTATION}). */
    private static Optional<Integer> wholeLineQuotation(String s) {
        Matcher m = WHOLE_LINE_QUOTATION.matcher(s);
        return m.matches() ? Optional.of(m.start(1)) : Optional.empty();
    }

    /**
     * What follows a verb of speech at {@code at} is the words spoken: a quotation mark or a parenthesis, or, without
     * any mark, a first person that is the quoted speaker's ("when a lunatic says I'm gonna kill you").
     */
    private static boolean opensSpeech(String s, int at) {
        if (at >= s.length()) {
            return false;
        }
        if (OPENING_AFTER_SPEECH.indexOf(s.charAt(at)) >= 0) {
            return true;
        }
        int end = at;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        // read in place: this runs after every verb of speech's space, and a copy of each word was most of its cost
        for (String subject : SPEAKING_FIRST_PERSON) {
            if (end - at == subject.length() && s.regionMatches(true, at, subject, 0, subject.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text is a dialogue, a transcript or meme of turns ("Trump: I want to … Y'all: He didn't mean that", "killer
     * clown: move one muscle and i'll kill you! me: …"): two turns or more, each a short speaker and a colon.
     */
    private static boolean isDialogue(String s) {
        int turns = 0;
        for (int i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) {
            if (lineSpeaker(s, i).isPresent()) {
                turns++;
            }
        }
        return turns >= 2;
    }

    /**
     * The speaker of a turn that ends at the colon, in lower case: at most {@link #MAX_TURN_SPEAKER_WORDS} words
     * after the text's start or a sentence's end, or one capitalised name right before the colon, as tweets run turns
     * together without a sentence's end ("Huckabee: they're uncorked animals Flynn: Islam is a cancer"); empty when the
     * colon ends anything else.
     */
    private static Optional<String> lineSpeaker(String s, int colon) {
        if (afterHandle(s, colon) || inLink(s, colon)) {
            return Optional.empty();
        }
        int from = colon;
        while (from > 0 && !turnBoundary(s, from - 1)) {
            from--;
        }
        String speaker = s.substring(from, colon).trim();
        String[] words = WHITE_SPACE.split(speaker);
        if (!speaker.isEmpty() && words.length <= MAX_TURN_SPEAKER_WORDS && speaker.matches("[\\p{L}'\u2019 ]+")) {
            return Optional.of(speaker.toLowerCase(Locale.ROOT));
        }
        String name = words[words.length - 1];
        if (name.matches("\\p{Lu}\\p{Ll}+")
                && !AUTHORS_LABELS.contains(name.toLowerCase(Locale.ROOT))
                && statementFollows(s, colon)) {
            return Optional.of(name.toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    /**
     * Words follow the colon after a space, as a turn's statement does: not a link, a number or nothing ("Tune In:
     * https://...", "Muslims: 2.4%"), which end the labels of a list or a post, and not a name joined to the colon
     * (Wikipedia's "Wikipedia:Administrator", "Talk:Aarhus", as Jigsaw's comments cite pages).
     */
    private static boolean statementFollows(String s, int colon) {
        int at = skipSpaces(s, colon + 1);
        return at > colon + 1 && at < s.length() && Character.isLetter(s.charAt(at)) && !s.startsWith("http", at);
    }

    /** The colon of a link's scheme ("https://"), which ends no speaker. */
    private static boolean inLink(String s, int colon) {
        return colon + 1 < s.length() && s.charAt(colon + 1) == '/';
    }

    /** A sentence's end, a line break or a run of two spaces, which tweets write between turns. */
    private static boolean turnBoundary(String s, int i) {
        char c = s.charAt(i);
        return c == '.'
                || c == '!'
                || c == '?'
                || c == '\n'
                || c == '\u2026'
                || c == ':'
                || Character.isWhitespace(c) && i > 0 && Character.isWhitespace(s.charAt(i - 1));
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The colon ends a handle ("@user:"), as replies and retweets write it. */
    private static boolean afterHandle(String s, int colon) {
        int from = colon;
        while (from > 0 && !Character.isWhitespace(s.charAt(from - 1))) {
            from--;
        }
        return from < colon && s.charAt(from) == '@';
    }

    /**
     * Where the text's first "I", "we", "my", ... ends ({@link #FIRST_PERSON}), {@code Integer.MAX_VALUE} when it has
     * none: a colon after it follows a first person, the author quoting themself.
     */
    static int firstPersonEnd(String s) {
        int end = 0;
        while (end < s.length()) {
            int start = end;
            while (start < s.length() && !Character.isLetter(s.codePointAt(start))) {
                start += Character.charCount(s.codePointAt(start));
            }
            end = start;
            while (end < s.length() && Character.isLetter(s.codePointAt(end))) {
                end += Character.charCount(s.codePointAt(end));
            }
            if (asciiLetters(s, start, end)) {
                // lower case keeps an ASCII word one word of letters: the split below would give it back whole, and
                // it ran a regular expression over every word of the text (docs/performance.md, session 23)
                if (end - start <= LONGEST_FIRST_PERSON
                        && FIRST_PERSON.contains(s.substring(start, end).toLowerCase(Locale.ROOT))) {
                    return end;
                }
                continue;
            }
            // lower-cased and split as a whole text would be: a capital can lower-case to a letter and a mark ("İ")
            for (String word : NON_LETTERS.split(s.substring(start, end).toLowerCase(Locale.ROOT))) {
                if (FIRST_PERSON.contains(word)) {
                    return end;
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    private static boolean asciiLetters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || !Character.isLetter(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The colon ends a headline's speaker: it comes after at most {@link #MAX_SPEAKER_WORDS} capitalised words that open
     * the text, and the statement after it is written in Title Case ("Trump Elector: Gay People Should Hang").
     */
    private static boolean headlineSpeaker(String s, OpeningWords opening, int colon) {
        int words = opening.countBefore(colon);
        if (words == 0 || words > MAX_SPEAKER_WORDS) {
            return false;
        }
        for (int w = 0; w < words; w++) {
            if (!Character.isUpperCase(s.charAt(opening.start(w)))) {
                return false;
            }
        }
        return titleCase(s.substring(colon + 1));
    }

    /**
     * Where the text's first word ends if it is one capitalised word, an upper-case letter and lower case after it
     * ("Cop"), the shape of a one-word speaker; -1 when it is not.
     */
    private static int capitalisedWordEnd(String s, OpeningWords opening) {
        if (opening.countBefore(s.length()) == 0) {
            return -1;
        }
        int at = opening.start(0);
        int first = s.codePointAt(at);
        if (Character.getType(first) != Character.UPPERCASE_LETTER) {
            return -1;
        }
        int end = at + Character.charCount(first);
        int lowerCase = 0;
        while (end < s.length() && Character.getType(s.codePointAt(end)) == Character.LOWERCASE_LETTER) {
            end += Character.charCount(s.codePointAt(end));
            lowerCase++;
        }
        return lowerCase > 0 ? end : -1;
    }

    /**
     * The colon ends a one-word speaker that opens the text, and the speaker's "I" or "we" stands among the first words
     * after it ("Cop: If I can get away with it, I would …"), as tweets report someone's words without quotation marks.
     * Not a plural (a group addressed: "Liberals: we will …"), not the author's own label ("Update: I'm …"), and not
     * when the words speak to "you" (an address: "Hillary: I will find you").
     */
    private static boolean oneWordSpeaker(String s, OpeningWords opening, int speakerEnd, int colon) {
        if (opening.countBefore(colon) != 1 || opening.end(0, colon) != speakerEnd) {
            return false;
        }
        String speaker = s.substring(opening.start(0), speakerEnd);
        if (speaker.endsWith("s") || AUTHORS_LABELS.contains(speaker.toLowerCase(Locale.ROOT))) {
            return false;
        }
        List<String> words = List.of(NON_LETTERS.split(
                s.substring(colon + 1).toLowerCase(Locale.ROOT).trim()));
        return words.stream().limit(SPEAKER_FIRST_PERSON_WITHIN).anyMatch(SPEAKING_FIRST_PERSON::contains)
                && words.stream().noneMatch(SECOND_PERSON::contains);
    }

    /**
     * The colon ends a stance the text gives to someone named in the genitive ("Hillary Clinton's public position on
     * Julian Assange: Kill Him.", "Hillary's plan to prevent future attacks: Take our guns ..."): the words after it
     * are that someone's, as the author puts them in their mouth, not a call of the author's own. At most {@link
     * #MAX_STANCE_WORDS} words from the text's start, the genitive before the stance's noun, words after the colon (not
     * a link: "Clinton's economic plan: https://..."); not "Here's an idea:".
     */
    private static boolean stanceOfAnother(String s, OpeningWords opening, int colon) {
        if (!statementFollows(s, colon)) {
            return false;
        }
        int words = opening.countBefore(colon);
        if (words > MAX_STANCE_WORDS) {
            return false;
        }
        boolean afterGenitive = false;
        for (int w = 0; w < words; w++) {
            int from = opening.start(w);
            int to = opening.end(w, colon);
            if (afterGenitive && STANCE_NOUNS.contains(shortWordInLowerCase(s, from, to))) {
                return true;
            }
            afterGenitive |= genitive(s, from, to);
        }
        return false;
    }

    /**
     * The word in lower case when it is no longer than the longest a stance's check compares whole ({@link
     * #LONGEST_COMPARED_WORD}); else the empty word, which none of those checks holds. A long word is not copied.
     */
    private static String shortWordInLowerCase(String s, int from, int to) {
        return to - from <= LONGEST_COMPARED_WORD ? s.substring(from, to).toLowerCase(Locale.ROOT) : "";
    }

    /** "Hillary's", "Clinton\u2019s", "Feminists'": a genitive, not a contracted "is" ("Here's"). Read in place. */
    private static boolean genitive(String s, int from, int to) {
        if (to - from < 3) {
            return false;
        }
        char last = Character.toLowerCase(s.charAt(to - 1));
        char beforeLast = Character.toLowerCase(s.charAt(to - 2));
        if (apostrophe(last)) {
            return beforeLast == 's';
        }
        return last == 's' && apostrophe(beforeLast) && !CONTRACTED_IS.contains(shortWordInLowerCase(s, from, to - 2));
    }

    private static boolean apostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    /**
     * A verb of speech ends at {@code end} in a Title Case headline: the verb written in Title Case, the word before it
     * and the two after it capitalised ("Rioters Burn Shops Chant Gas The Jews"), so the headline reports the words after
     * it without quotation marks. Not after "I" or "we" ("I Say Gas Them All"); not a verb in capitals, which comments
     * shout in ("THEY SAY KILL THEM ALL AND I AGREE").
     */
    private static boolean headlineReportsSpeech(String s, int end) {
        // the case first: this runs at every space of every text, and few words there are in Title Case
        int verbStart = letterRunStart(s, end);
        if (end - verbStart < 2
                || !Character.isUpperCase(s.charAt(verbStart))
                || !Character.isLowerCase(s.charAt(verbStart + 1))) {
            return false;
        }
        String verb = wordBefore(s, end);
        if (!SPEECH_VERBS.contains(verb) && !HEADLINE_SPEECH_VERBS.contains(verb)) {
            return false;
        }
        String[] before = WHITE_SPACE.split(s.substring(0, verbStart).trim());
        String subject = before[before.length - 1];
        String[] after = WHITE_SPACE.split(s.substring(end).trim(), 3);
        return after.length >= 2
                && startsWithCapital(subject)
                && !FIRST_PERSON.contains(subject.toLowerCase(Locale.ROOT))
                && startsWithCapital(after[0])
                && startsWithCapital(after[1]);
    }

    /** An upper-case first letter, whatever follows: a headline's word ("Chant", "GAS"), not only a name. */
    private static boolean startsWithCapital(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }

    /** Every word of at least {@link #MIN_HEADLINE_WORDS} capitalised; links, handles and hashtags aside. */
    private static boolean titleCase(String statement) {
        int words = 0;
        for (String word : WHITE_SPACE.split(statement.trim())) {
            if (word.isEmpty() || !Character.isLetter(word.charAt(0)) || word.contains("://")) {
                continue;
            }
            if (!Character.isUpperCase(word.charAt(0))) {
                return false;
            }
            words++;
        }
        return words >= MIN_HEADLINE_WORDS;
    }

    /**
     * A verb of speech ends at {@code end}, and its subject is not the author ("yelled", not "I said"); or the
     * quotative "be like" ("his supporters are like 'I'll …'"), not after "I" or "we".
     */
    private static boolean spokenByAnother(String s, int end) {
        String verb = wordBefore(s, end);
        boolean quotative = verb.equals("like") && QUOTATIVE_BE.contains(wordBefore(s, wordStartBefore(s, end - 4)));
        if (!SPEECH_VERBS.contains(verb) && !quotative) {
            return false;
        }
        int subjectEnd = wordStartBefore(s, end - verb.length());
        if (quotative) {
            subjectEnd =
                    wordStartBefore(s, subjectEnd - wordBefore(s, subjectEnd).length());
            if (subjectEnd > 0 && "'\u2019".indexOf(s.charAt(subjectEnd - 1)) >= 0) {
                subjectEnd--; // "we're like", "they're like"
            }
        }
        return !FIRST_PERSON.contains(subjectBefore(s, subjectEnd));
    }

    /** The word before {@code end}, or before the auxiliary there ("I'm saying", "we were chanting"). Lower case. */
    private static String subjectBefore(String s, int end) {
        String word = wordBefore(s, end);
        if (!AUXILIARIES.contains(word)) {
            return word;
        }
        int from = end - word.length();
        if (from > 0 && "'\u2019".indexOf(s.charAt(from - 1)) >= 0) {
            from--;
        }
        return wordBefore(s, wordStartBefore(s, from));
    }

    /** {@code end} moved back over the spaces before it. */
    private static int wordStartBefore(String s, int end) {
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static String wordBefore(String s, int end) {
        return s.substring(letterRunStart(s, end), end).toLowerCase(Locale.ROOT);
    }

    /** Where the run of letters that ends at {@code end} starts ({@code end} when none does). */
    private static int letterRunStart(String s, int end) {
        int from = end;
        while (from > 0 && Character.isLetter(s.charAt(from - 1))) {
            from--;
        }
        return from;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        quotations = null;
        nextQuotation = 0;
    }
}

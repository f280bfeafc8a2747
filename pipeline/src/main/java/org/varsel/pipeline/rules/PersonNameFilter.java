package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;

/**
 * Stacks the token {@value #TOKEN} on a word that names a person, so that a rule can say "a threat aimed at a
 * person" ({@code "@intent @violent_action _person_"~3}) although no lexicon knows the name: a capitalised word that
 * does not open a sentence and is not a common capitalised word (days, months, groups, "I", and the lands and peoples
 * of the pack's {@code country} and {@code nationality} lexicons), and a
 * handle ({@code @karen_holm}). English and Danish write names so; Danish writes nouns, days and nationalities in
 * lower case, so the stop list matters less there. A word in capitals only is shouting, and a name only when the
 * pack's {@code given_name} lexicons hold it, wherever it stands ("KILL KAREN HOLM", "JONAS BERG MUST DIE"), with the
 * capitals word right after it as its surname: shouting capitalises every word, so only a list of names tells
 * "KAREN" from "KILL". A word inside a link ({@code https://t.co/DgNyBdfBHk}) is no name, nor is a hashtag
 * ("#MilFam") or the rest of a place ("in Durham County").
 *
 * <p>Placed straight after the tokenizer, where the token still has its case and is a substring of the text the
 * tokenizer read; the stacked token keeps the word's offsets, so a hit highlights the name. Documents only: a rule's
 * own capitalised words are not names.
 */
final class PersonNameFilter extends TextMarkerFilter {

    /** The synthetic token rules write for "a person's name". */
    static final String TOKEN = "_person_";

    /**
     * Capitalised inside a sentence without naming a person, lower case: grammar, God, days and feasts, religions and
     * races, platforms. Lands and nationalities are the pack's ({@link #LANDS_AND_PEOPLES}), in every language.
     */
    private static final Set<String> NOT_NAMES = Set.of(
            "i",
            "i'm",
            "i'll",
            "i've",
            "i'd",
            "ok",
            "god",
            "allah",
            "jesus",
            "christ",
            "lord",
            "de",
            "dem",
            "deres",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "christmas",
            "easter",
            "thanksgiving",
            "ramadan",
            "eid",
            "muslim",
            "muslims",
            "islam",
            "islamic",
            "jew",
            "jews",
            "jewish",
            "christian",
            "christians",
            "catholic",
            "catholics",
            "hindu",
            "hindus",
            "sikh",
            "sikhs",
            "black",
            "blacks",
            "white",
            "whites",
            "asian",
            "asians",
            "arab",
            "arabs",
            "african",
            "africans",
            "roma",
            "romani",
            "gypsy",
            "gypsies",
            "latino",
            "latinos",
            "nazi",
            "nazis",
            "lgbt",
            "lgbtq",
            "queer",
            "trans",
            "gay",
            "gays",
            "jihadi",
            "jihadis",
            "western",
            "west",
            "internet",
            "facebook",
            "twitter",
            "tiktok",
            "youtube",
            "instagram",
            "telegram",
            "reddit",
            "google");

    /**
     * The pack's lexicons whose words name lands and peoples ("Sverige", "Germany", "svenskerne"), in every language:
     * capitalised inside a sentence they name no person ("tæsk af Sverige" is a match report, not a threat on a person).
     */
    static final Set<String> LANDS_AND_PEOPLES = Set.of("country", "nationality");

    /**
     * The pack's lexicons of given names ("Karen", "Lars", "Jim"), in every language: the only words in capitals that
     * name a person.
     */
    static final Set<String> GIVEN_NAMES = Set.of("given_name");

    /** A capitalised word after one of these is a place ("in Aarhus", "fra Odense"), not a person. */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "from", "near", "i", "fra", "ved");

    /** Function words that only Title Case writing capitalises: in such a text capitals say nothing. */
    private static final Set<String> TITLE_CASE_MARKERS = Set.of(
            "the", "to", "of", "and", "in", "on", "for", "with", "after", "over", "is", "are", "as", "at", "by", "from",
            "your", "a", "an");

    /**
     * Function words, English and Danish, that a shouted given name is often followed by ("KAREN AND LARS", "METTE OG
     * LARS", "JONAS MUST DIE"): no surname.
     */
    private static final Set<String> NOT_SURNAMES = Set.of(
            "and", "or", "og", "eller", "to", "til", "of", "af", "in", "i", "on", "på", "for", "with", "med", "is",
            "er", "was", "var", "must", "skal", "should", "bør", "will", "vil", "has", "har", "the", "a", "an", "en",
            "et", "den", "det", "are");

    private final NameWords words;

    private String previous = "";
    /** The previous word was a given name in capitals, so a word in capitals after it is its surname. */
    private boolean afterShoutedGivenName;
    /** The previous word was a capitalised place ("in Durham"), so a capitalised word after it goes on naming it. */
    private boolean inPlace;

    private Boolean titleCase;

    /**
     * {@code text} gives the text the tokenizer reads (after obfuscation folding), once the first token is read;
     * {@code words} the pack's words that tell a name from a land ({@link NameWords#in}).
     */
    PersonNameFilter(TokenStream in, Supplier<String> text, NameWords words) {
        super(in, TOKEN, text);
        this.words = words;
    }

    /**
     * The pack's words that decide whether a word names a person, one-word forms in lower case, of every language:
     * {@code lands} never do ({@link #LANDS_AND_PEOPLES}), {@code givenNames} do even in capitals ({@link #GIVEN_NAMES}).
     */
    record NameWords(Set<String> lands, Set<String> givenNames) {

        NameWords {
            lands = Set.copyOf(lands);
            givenNames = Set.copyOf(givenNames);
        }

        static NameWords in(List<Lexicon> lexicons) {
            return new NameWords(formsOf(lexicons, LANDS_AND_PEOPLES), formsOf(lexicons, GIVEN_NAMES));
        }

        private static Set<String> formsOf(List<Lexicon> lexicons, Set<String> names) {
            Set<String> forms = new HashSet<>();
            for (Lexicon lexicon : lexicons) {
                if (names.contains(lexicon.name())) {
                    lexicon.entries().stream()
                            .flatMap(e -> e.allForms().stream())
                            // "=anne": a name written as written, so that its stem is not the function word "an"
                            .map(AsWritten::bare)
                            .map(f -> f.toLowerCase(Locale.ROOT))
                            .filter(f -> f.chars().allMatch(Character::isLetter))
                            .forEach(forms::add);
                }
            }
            return forms;
        }
    }

    @Override
    boolean marks(String word) {
        String s = positions.text();
        int start = positions.find(word);
        boolean place = false;
        boolean name = false;
        boolean shoutedGivenName = false;
        if (start >= 0) {
            place = capitalisedNotShouted(word) && (inPlace || PLACE_PREPOSITIONS.contains(previous));
            shoutedGivenName = shouted(word) && words.givenNames().contains(stem(word.toLowerCase(Locale.ROOT)));
            // the link check last: it reads the run of text around the word, and few words pass the others
            name = !place
                    && !hashtag(s, start)
                    && (shoutedGivenName || shoutedSurname(word) || namesAPerson(s, start, word))
                    && !insideLink(s, start);
        }
        inPlace = place;
        // "KAREN'S HOUSE": a genitive ends the name
        afterShoutedGivenName = shoutedGivenName && !word.endsWith("'S");
        previous = word.toLowerCase(Locale.ROOT);
        return name;
    }

    /**
     * The word is a hashtag's: a tag names a topic, a campaign or a slogan ("#Military #MilFam", "#ImWithHer"), not a
     * person addressed or threatened, even when it spells a name.
     */
    private static boolean hashtag(String s, int start) {
        return start > 0 && s.charAt(start - 1) == '#';
    }

    /** A word in capitals right after a given name in capitals ("KAREN HOLM"), unless a function word or a land. */
    private boolean shoutedSurname(String word) {
        if (!afterShoutedGivenName || !shouted(word)) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return !NOT_SURNAMES.contains(lower) && !NOT_NAMES.contains(lower) && !namesALand(lower);
    }

    private boolean namesAPerson(String s, int start, String word) {
        if (start > 0 && s.charAt(start - 1) == '@') {
            return true;
        }
        if (word.length() < 2
                || !capitalisedNotShouted(word)
                || NOT_NAMES.contains(word.toLowerCase(Locale.ROOT))
                || namesALand(word.toLowerCase(Locale.ROOT))
                || SentenceStartFilter.opensSentence(s, start)) {
            return false;
        }
        if (titleCase == null) {
            titleCase = isTitleCase(s);
        }
        return !titleCase;
    }

    /** A land or a people, or its genitive ("Sveriges", "Germany's"). */
    private boolean namesALand(String word) {
        String stem = stem(word);
        return words.lands().contains(stem)
                || (stem.endsWith("s") && words.lands().contains(stem.substring(0, stem.length() - 1)));
    }

    /** The word without its English genitive ("karen's"). */
    private static String stem(String word) {
        return word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
    }

    /** In capitals only, two letters or more ("KAREN", "HOLM'S"): shouting, not a capitalised name. */
    private static boolean shouted(String word) {
        return word.length() >= 2 && Character.isUpperCase(word.charAt(0)) && !hasLowerCase(word);
    }

    /** Capitalised as a name is: an upper-case first letter and lower case after it (not shouting). */
    private static boolean capitalisedNotShouted(String word) {
        return Character.isUpperCase(word.charAt(0)) && hasLowerCase(word);
    }

    /**
     * The word is part of a link: the run of text around it holds "://" or starts "www.", as the tweets' t.co links
     * do, whose random letters read as names.
     */
    private static boolean insideLink(String s, int start) {
        int from = start;
        while (from > 0 && !Character.isWhitespace(s.charAt(from - 1))) {
            from--;
        }
        int to = start;
        while (to < s.length() && !Character.isWhitespace(s.charAt(to))) {
            to++;
        }
        String run = s.substring(from, to);
        return run.contains("://") || run.regionMatches(true, 0, "www.", 0, 4);
    }

    private static boolean hasLowerCase(String word) {
        for (int i = 1; i < word.length(); i++) {
            if (Character.isLowerCase(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A headline in Title Case ("Man Arrested After Threat To Kill Migrants"): a function word capitalised inside. */
    private static boolean isTitleCase(CharSequence s) {
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && !Character.isLetter(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (i > start
                    && Character.isUpperCase(s.charAt(start))
                    && !SentenceStartFilter.opensSentence(s, start)
                    && TITLE_CASE_MARKERS.contains(
                            s.subSequence(start, i).toString().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        previous = "";
        inPlace = false;
        afterShoutedGivenName = false;
        titleCase = null;
    }
}

package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Puts a Danish clause's subject where the rules write it, before its verb, in the two places Danish grammar moves
 * or drops it. Danish puts the finite verb second in every main clause, so whatever an adverbial or a clause fronts
 * ("i morgen", "så", "hvis du kommer igen,") moves the subject behind the verb (V2: "Så slår jeg ham ihjel", "Derfor
 * skal muslimerne skydes", "Så skal de fucking svenskere hænges"): the subject is rotated back before the verb, each
 * position taking the next word of the straight order. And a second verb joined by "og" shares the first one's subject
 * without repeating it ("Jeg kommer hjem til dig og skyder dig"): the sentence's subject is stacked on "og"; a passive
 * after "og" shares the modal ("X burde slæbes ud og skydes"): it is stacked where the first passive's phrase ends, before
 * "og", so that no idiom the text does not say is read beside it. The words
 * keep their positions and offsets, so a rule written "jeg slår ham ihjel" or "@group @modal @violent_action" reads
 * every such order without a second form.
 *
 * <p>Only a finite verb followed by its subject inside a sentence is read, the subject a pronoun or a noun whose
 * ending says it is one (a definite plural, a definite singular after a modal, or a plural after "alle", "de",
 * "disse"): a verb that opens the sentence asks
 * a question or states a condition ("Skal vi slå dem ihjel?", "Kommer du igen, …"), and so does one after a question
 * word ("Hvorfor slår du ham?"). Without a tagger a finite verb is a modal or a word ending in -r, the present tense
 * of every Danish verb, less the function words that end so ("når", "efter", "eller"). Placed after
 * {@link SentenceStartFilter}, whose {@code _start_} says where a sentence opens; documents only, a rule writes the
 * straight order itself.
 */
final class DanishSubjectFilter extends TokenFilter {

    /**
     * The subject pronouns; the analysts' lexicons `first_person` and `harm_person` list them too, and
     * DanishSubjectFilterWordsTest holds the two together.
     */
    static final Set<String> SUBJECTS = Set.of("jeg", "vi", "du", "han", "hun", "de", "man");

    /** "I" (you, plural) is a subject in capitals only: "i" is the preposition. */
    private static final String PLURAL_YOU = "I";

    /**
     * Finite verbs the ending does not tell: "er", and the modals, their past and their spoken and unaccented
     * spellings. Every word of the analysts' `modal` lexicon is a finite verb here (DanishSubjectFilterWordsTest).
     */
    private static final Set<String> MODALS = Set.of(
            "er", "skal", "vil", "kan", "må", "maa", "skulle", "ville", "kunne", "måtte", "maatte", "burde", "ska",
            "sku", "ku");

    /** Words that end in -r as the present tense does and are no verb. */
    private static final Set<String> NOT_VERBS = Set.of(
            "der", "her", "hvor", "når", "naar", "efter", "over", "under", "for", "før", "foer", "eller", "hver",
            "mere", "mer", "nær", "naer", "derfor", "hvorfor", "år", "aar", "mor", "far", "bror");

    /** Words that make the clause after them a question, whose verb comes first as well. */
    private static final Set<String> QUESTION_WORDS =
            Set.of("hvorfor", "hvad", "hvem", "hvordan", "hvornår", "hvornaar", "hvor", "hvilken", "hvilket", "hvilke");

    /** Words that open a group's noun subject after its verb; the `quantifier` lexicon's words for a whole group. */
    static final Set<String> GROUP_DETERMINERS = Set.of("alle", "de", "disse", "samtlige");

    /**
     * Words that open a noun subject after its verb: those of a group ("skal alle polakkerne", "skal de sorte"), which
     * the `quantifier` lexicon lists, and of one ("skal den forræder").
     */
    private static final Set<String> DETERMINERS = Stream.concat(GROUP_DETERMINERS.stream(), Stream.of("den", "denne"))
            .collect(Collectors.toUnmodifiableSet());

    /**
     * Words with a noun's ending that are no noun: adverbs, particles and interjections that stand after a verb
     * ("skal gerne", "skal de sgu", "skal de ikke"), and nouns in the singular ending in -ne.
     */
    private static final Set<String> NOT_NOUNS = Set.of(
            "ikke",
            "ike",
            "aldrig",
            "bare",
            "sgu",
            "sku",
            "jo",
            "nok",
            "også",
            "ogsaa",
            "lige",
            "altså",
            "altsaa",
            "fandme",
            "fanme",
            "kraftedeme",
            "vel",
            "nu",
            "her",
            "der",
            "heller",
            "måske",
            "maaske",
            "gerne",
            "kun",
            "selv",
            "alle",
            "mere",
            "snart",
            "straks",
            "sammen",
            "alene",
            "igen",
            "hellere",
            "fjerne",
            "hjerne",
            "stjerne",
            "moderne",
            "interne",
            "eksterne",
            "denne",
            "have",
            "være",
            "vaere",
            "blive",
            "få",
            "faa",
            "ingen",
            "nogen",
            "hinanden",
            "næsten",
            "naesten",
            "simpelthen",
            "overhovedet",
            "derhen",
            "herhen",
            "meget",
            "været",
            "vaeret",
            "blevet");

    /** The conjunction after which a verb shares the subject of the verb before it. */
    private static final String AND = "og";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Deque<State> out = new ArrayDeque<>();
    private boolean read;

    DanishSubjectFilter(TokenStream in) {
        super(in);
    }

    /** A word of the text with the tokens stacked on it; {@code opensSentence} when {@code _start_} stands before it. */
    private record Word(String text, State state, List<State> stacked, boolean opensSentence) {}

    @Override
    public boolean incrementToken() throws IOException {
        if (!read) {
            read = true;
            stackSubjects(readWords());
        }
        if (out.isEmpty()) {
            return false;
        }
        restoreState(out.poll());
        return true;
    }

    /**
     * Every word of the stream. The whole text is read first because a verb is known only by the word after it; a
     * signal is at most 64 KiB.
     */
    private List<Word> readWords() throws IOException {
        List<Word> words = new ArrayList<>();
        List<State> before = new ArrayList<>();
        boolean start = false;
        while (input.incrementToken()) {
            String t = term.toString();
            if (t.equals(SentenceStartFilter.TOKEN)) {
                start = true;
            }
            if (increment.getPositionIncrement() == 0 && !words.isEmpty()) {
                words.get(words.size() - 1).stacked().add(captureState());
            } else if (t.equals(SentenceStartFilter.TOKEN)) {
                before.add(captureState()); // the text's first marker takes a position of its own
            } else {
                List<State> stacked = new ArrayList<>();
                words.add(new Word(t, captureState(), stacked, start));
                start = false;
                out.addAll(before);
                before.clear();
            }
        }
        out.addAll(before);
        return words;
    }

    /**
     * Gives each word to {@link #out} with what it reads as in the straight order: a subject moved behind its verb is
     * rotated back before it, the sentence's subject is stacked on an "og" that a verb without a subject follows, and
     * a passive after "og" is stacked on the passive its modal governs.
     */
    private void stackSubjects(List<Word> words) {
        List<List<String>> straight = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            straight.add(new ArrayList<>());
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            rotateSubjectBeforeVerb(words, i, straight);
            if (words.get(i).text().equalsIgnoreCase(AND)) {
                String passive = words.get(i + 1).text();
                sharedPassive(words, i).ifPresent(end -> straight.get(end).add(passive));
            }
        }
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            out.add(w.state());
            for (String word : straight.get(i)) {
                out.add(stacked(w.state(), word));
            }
            if (w.text().equalsIgnoreCase(AND)) {
                sharedSubject(words, i).ifPresent(subject -> out.add(stacked(w.state(), subject)));
            }
            out.addAll(w.stacked());
        }
    }

    /**
     * When the words after the finite verb at {@code verb} are its subject, reads them in the straight order at the
     * same positions: the verb's place takes the subject's first word, each subject word the next one, the subject's
     * last word the verb ("skal alle polakkerne samles" reads "alle polakkerne skal samles" too). A subject of one word
     * is a swap ("slår jeg" reads "jeg slår").
     */
    private static void rotateSubjectBeforeVerb(List<Word> words, int verb, List<List<String>> straight) {
        if (!verbBeforeItsSubject(verb > 0 ? words.get(verb - 1) : null, words.get(verb), words.get(verb + 1))) {
            return;
        }
        List<Integer> subject = new ArrayList<>();
        if (isSubject(words.get(verb + 1).text())) {
            subject.add(verb + 1);
        }
        for (int end : nounSubjectEnds(words, verb)) {
            if (end > verb + 1 || subject.isEmpty()) {
                subject.add(end);
            }
        }
        for (int end : subject) {
            for (int i = verb; i < end; i++) {
                straight.get(i).add(words.get(i + 1).text());
            }
            straight.get(end).add(words.get(verb).text());
        }
    }

    /**
     * Where a noun subject after the verb at {@code verb} may end: a definite plural ("muslimerne", "børnene"), after a
     * modal a definite singular ("så burde statsministeren hænges"), or after "alle", "de", "den" or "disse" the next
     * word that has a plural's ending, or the one after a word between ("de fucking svenskere", "alle de sorte"), and
     * the noun after an adjective so ended as well ("de beskidte perkere": both, since "de unge hjælpe" has the same
     * endings). Without a tagger the ending is what tells a noun from the particles and adverbs that follow a verb as
     * often ("skal de ikke", "skal gerne"); a singular is read after a modal only, where "jeg ser filmen" cannot be.
     */
    private static List<Integer> nounSubjectEnds(List<Word> words, int verb) {
        int first = verb + 1;
        String firstWord = lower(words.get(first));
        if (isDefinitePlural(firstWord) || (isModal(lower(words.get(verb))) && isDefiniteSingular(firstWord))) {
            return List.of(first);
        }
        int noun = first;
        while (noun < words.size() && DETERMINERS.contains(lower(words.get(noun)))) {
            noun++;
        }
        if (noun == first) {
            return List.of();
        }
        for (int i = noun; i < Math.min(noun + 2, words.size()); i++) {
            if (!mayBeNoun(words.get(i))) {
                return List.of();
            }
            if (hasPluralEnding(lower(words.get(i)))) {
                boolean adjectiveBefore = lower(words.get(i)).endsWith("e")
                        && i + 1 < words.size()
                        && mayBeNoun(words.get(i + 1))
                        && hasPluralEnding(lower(words.get(i + 1)));
                return adjectiveBefore ? List.of(i, i + 1) : List.of(i);
            }
        }
        return List.of();
    }

    /** A word that can stand in a noun subject: no particle, pronoun or modal, and not the next sentence's first. */
    private static boolean mayBeNoun(Word w) {
        String word = lower(w);
        return !w.opensSentence() && !NOT_NOUNS.contains(word) && !isSubject(w.text()) && !MODALS.contains(word);
    }

    /**
     * Where a passive after the "og" at {@code and} is read when it shares the modal of a passive before it ("X burde
     * slæbes ud på gaden og skydes" is "X burde skydes" too): on the word right before the "og", where the first
     * passive's phrase ends, when a passive right after a modal stands in the sentence before it. Not on that first
     * passive: the word after it would make an idiom the text does not say and the rules exclude ("slæbes ud … og
     * hænges" read "hænges ud", exposed; "trækkes ud af bilen og skydes" read "skydes af", fireworks).
     */
    private static Optional<Integer> sharedPassive(List<Word> words, int and) {
        if (and + 1 >= words.size() || words.get(and + 1).opensSentence() || !isPassive(lower(words.get(and + 1)))) {
            return Optional.empty();
        }
        for (int i = and - 1; i > 0 && !words.get(i).opensSentence(); i--) {
            if (isPassive(lower(words.get(i))) && MODALS.contains(lower(words.get(i - 1)))) {
                return Optional.of(and - 1);
            }
        }
        return Optional.empty();
    }

    /**
     * The subject the verb after the "og" at {@code and} shares: the first subject pronoun of the sentence beside a
     * finite verb ("jeg finder ud af hvor du bor og banker dig" is the writer's act, not the reader's), when a finite
     * verb follows "og" with no subject of its own.
     */
    private static Optional<String> sharedSubject(List<Word> words, int and) {
        if (and + 1 >= words.size() || words.get(and + 1).opensSentence()) {
            return Optional.empty();
        }
        String next = words.get(and + 1).text();
        if (!isFiniteVerb(next)
                || isSubject(next)
                || (and + 2 < words.size() && isSubject(words.get(and + 2).text()))) {
            return Optional.empty();
        }
        int start = and;
        while (start > 0 && !words.get(start).opensSentence()) {
            start--;
        }
        for (int i = start; i < and; i++) {
            boolean besideVerb = (i + 1 < and && isFiniteVerb(words.get(i + 1).text()))
                    || (i > start && isFiniteVerb(words.get(i - 1).text()));
            if (isSubject(words.get(i).text()) && besideVerb) {
                return Optional.of(words.get(i).text());
            }
        }
        return Optional.empty();
    }

    /**
     * {@code verb} is a finite verb that a word fronted before it may have put before its subject, which would start at
     * {@code next}.
     */
    private static boolean verbBeforeItsSubject(Word previous, Word verb, Word next) {
        if (verb.opensSentence() || next.opensSentence()) {
            return false;
        }
        if (previous != null && QUESTION_WORDS.contains(lower(previous))) {
            return false;
        }
        return isFiniteVerb(verb.text());
    }

    private static boolean isDefinitePlural(String word) {
        return word.length() >= 6 && word.endsWith("ne") && !NOT_NOUNS.contains(word);
    }

    /** The definite singular ("statsministeren", "svinet"), less the adverbs and pronouns so ended ("igen", "ingen"). */
    private static boolean isDefiniteSingular(String word) {
        return word.length() >= 5 && (word.endsWith("en") || word.endsWith("et")) && !NOT_NOUNS.contains(word);
    }

    /** A modal, not "er": "det er manden" has its subject first. */
    private static boolean isModal(String word) {
        return MODALS.contains(word) && !word.equals("er");
    }

    /** The endings of a Danish plural, indefinite and definite ("svenskere", "muslimer", "de sorte"). */
    private static boolean hasPluralEnding(String word) {
        return word.length() > 2 && (word.endsWith("e") || word.endsWith("r"));
    }

    /** The s-passive ("skydes", "hænges", "slæbes"), which the rules read after a modal. */
    private static boolean isPassive(String word) {
        return word.length() > 4 && word.endsWith("es");
    }

    private static String lower(Word word) {
        return word.text().toLowerCase(Locale.ROOT);
    }

    static boolean isSubject(String word) {
        return word.equals(PLURAL_YOU) || SUBJECTS.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isFiniteVerb(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return MODALS.contains(w) || (w.length() > 2 && w.endsWith("r") && !NOT_VERBS.contains(w));
    }

    /** {@code word} at the position and with the offsets of the token {@code on}. */
    private State stacked(State on, String word) {
        restoreState(on);
        term.setEmpty().append(word);
        increment.setPositionIncrement(0);
        return captureState();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        out.clear();
        read = false;
    }
}

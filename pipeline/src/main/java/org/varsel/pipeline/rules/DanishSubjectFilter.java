package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
 * after "og" shares the modal ("X burde slæbes ud og skydes"): it is stacked on the modal's first passive. The words
 * keep their positions and offsets, so a rule written "jeg slår ham ihjel" or "@group @modal @violent_action" reads
 * every such order without a second form.
 *
 * <p>Only a finite verb followed by its subject inside a sentence is read, the subject a pronoun or a noun whose
 * ending says it is one (a definite plural, or a plural after "alle", "de", "disse"): a verb that opens the sentence asks
 * a question or states a condition ("Skal vi slå dem ihjel?", "Kommer du igen, …"), and so does one after a question
 * word ("Hvorfor slår du ham?"). Without a tagger a finite verb is a modal or a word ending in -r, the present tense
 * of every Danish verb, less the function words that end so ("når", "efter", "eller"). Placed after
 * {@link SentenceStartFilter}, whose {@code _start_} says where a sentence opens; documents only, a rule writes the
 * straight order itself.
 */
final class DanishSubjectFilter extends TokenFilter {

    private static final Set<String> SUBJECTS = Set.of("jeg", "vi", "du", "han", "hun", "de", "man");

    /** "I" (you, plural) is a subject in capitals only: "i" is the preposition. */
    private static final String PLURAL_YOU = "I";

    /**
     * Finite verbs the ending does not tell: "er", and the modals, their past and their spoken and unaccented
     * spellings.
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

    /** Words that open a noun subject after its verb ("skal alle polakkerne", "skal de sorte"). */
    private static final Set<String> DETERMINERS = Set.of("alle", "de", "disse", "samtlige");

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
            "faa");

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
                sharedPassive(words, i).ifPresent(first -> straight.get(first).add(passive));
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
        nounSubjectEnd(words, verb + 1).ifPresent(end -> {
            if (end > verb + 1 || subject.isEmpty()) {
                subject.add(end);
            }
        });
        for (int end : subject) {
            for (int i = verb; i < end; i++) {
                straight.get(i).add(words.get(i + 1).text());
            }
            straight.get(end).add(words.get(verb).text());
        }
    }

    /**
     * Where a noun subject that starts at {@code first} ends: a definite plural ("muslimerne", "børnene"), or after
     * "alle", "de" or "disse" the next word that has a plural's ending, or the one after a word between ("de fucking
     * svenskere", "alle de sorte"). Without a tagger the ending is what tells a noun from the particles and adverbs
     * that follow a verb as often ("skal de ikke", "skal gerne").
     */
    private static Optional<Integer> nounSubjectEnd(List<Word> words, int first) {
        if (isDefinitePlural(words.get(first).text())) {
            return Optional.of(first);
        }
        int noun = first;
        while (noun < words.size() && DETERMINERS.contains(lower(words.get(noun)))) {
            noun++;
        }
        if (noun == first) {
            return Optional.empty();
        }
        for (int i = noun; i < Math.min(noun + 2, words.size()); i++) {
            Word w = words.get(i);
            if (w.opensSentence() || NOT_NOUNS.contains(lower(w)) || isSubject(w.text()) || MODALS.contains(lower(w))) {
                return Optional.empty();
            }
            if (hasPluralEnding(lower(w))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * The passive a modal governs that a passive after the "og" at {@code and} shares ("X burde slæbes ud på gaden og
     * skydes" is "X burde skydes" too): the first passive right after a modal in the sentence before the "og".
     */
    private static Optional<Integer> sharedPassive(List<Word> words, int and) {
        if (and + 1 >= words.size() || words.get(and + 1).opensSentence() || !isPassive(lower(words.get(and + 1)))) {
            return Optional.empty();
        }
        for (int i = and - 1; i > 0 && !words.get(i).opensSentence(); i--) {
            if (isPassive(lower(words.get(i))) && MODALS.contains(lower(words.get(i - 1)))) {
                return Optional.of(i);
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
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() >= 6 && w.endsWith("ne") && !NOT_NOUNS.contains(w);
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

    private static boolean isSubject(String word) {
        return word.equals(PLURAL_YOU) || SUBJECTS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isFiniteVerb(String word) {
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

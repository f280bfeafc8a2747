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
 * ("i morgen", "så", "hvis du kommer igen,") moves the subject behind the verb (V2: "Så slår jeg ham ihjel", "Efter
 * valget skal hun hænges"): the subject is stacked on the verb and the verb on the subject. And a second verb joined
 * by "og" shares the first one's subject without repeating it ("Jeg kommer hjem til dig og skyder dig"): the
 * sentence's subject is stacked on "og". The words keep their positions and offsets, so a rule written "jeg slår ham
 * ihjel" reads every such order without a second form.
 *
 * <p>Only a finite verb followed by a subject pronoun inside a sentence is read: a verb that opens the sentence asks
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
            "er", "skal", "vil", "kan", "må", "maa", "skulle", "ville", "kunne", "måtte", "maatte", "ska", "sku", "ku");

    /** Words that end in -r as the present tense does and are no verb. */
    private static final Set<String> NOT_VERBS = Set.of(
            "der", "her", "hvor", "når", "naar", "efter", "over", "under", "for", "før", "foer", "eller", "hver",
            "mere", "mer", "nær", "naer", "derfor", "hvorfor", "år", "aar", "mor", "far", "bror");

    /** Words that make the clause after them a question, whose verb comes first as well. */
    private static final Set<String> QUESTION_WORDS =
            Set.of("hvorfor", "hvad", "hvem", "hvordan", "hvornår", "hvornaar", "hvor", "hvilken", "hvilket", "hvilke");

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
     * Gives each word to {@link #out}, stacking a subject on the verb before it and that verb on the subject, and the
     * sentence's subject on an "og" that a verb without a subject follows.
     */
    private void stackSubjects(List<Word> words) {
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            out.add(w.state());
            if (i + 1 < words.size() && inverted(i > 0 ? words.get(i - 1) : null, w, words.get(i + 1))) {
                out.add(stacked(w.state(), words.get(i + 1).text()));
            }
            if (i > 0 && inverted(i > 1 ? words.get(i - 2) : null, words.get(i - 1), w)) {
                out.add(stacked(w.state(), words.get(i - 1).text()));
            }
            if (w.text().equalsIgnoreCase(AND)) {
                sharedSubject(words, i).ifPresent(subject -> out.add(stacked(w.state(), subject)));
            }
            out.addAll(w.stacked());
        }
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

    /** {@code verb} is a finite verb put before its subject {@code subject} by a word fronted before it. */
    private static boolean inverted(Word previous, Word verb, Word subject) {
        if (verb.opensSentence() || subject.opensSentence()) {
            return false;
        }
        if (previous != null && QUESTION_WORDS.contains(previous.text().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return isSubject(subject.text()) && isFiniteVerb(verb.text());
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

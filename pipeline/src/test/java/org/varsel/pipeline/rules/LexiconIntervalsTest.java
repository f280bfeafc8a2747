package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queries.intervals.IntervalIterator;
import org.apache.lucene.queries.intervals.IntervalMatchesIterator;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * A lexicon's interval source that asks a document only for the forms whose first word it holds answers every
 * document as the disjunction of all the lexicon's forms did: the same intervals, matches, sub-matches and offsets,
 * alone and inside the proximities rules write (ordered, with gaps, without a negation between); whether the document's
 * named terms were read with it, as the engine reads them, or are read when the source is asked. The narrowing is
 * compared as the disjunction's minimal intervals ({@link LexiconIntervals#anyShortestOf}): the engine's own reading
 * adds the longer forms that end with a shorter one ({@link LongerFormsFirst}, session 24), which the disjunction
 * never reports, and is pinned by {@code LexiconRulesTest} and {@code NestedFormsTest}.
 */
class LexiconIntervalsTest {

    private static final RulePack PACK = BundledRules.load();

    @Test
    void answersEveryDocumentAsTheDisjunctionOfEveryForm() throws IOException {
        Lexicons lexicons = new Lexicons(PACK.lexicons());
        Analyzer analyzer = RuleAnalyzer.forDocuments(PACK);
        MemoryIndex index = SignalIndex.create();
        int answered = 0;
        int answeredWithOneFirstWord = 0;
        int answeredWithSeveral = 0;
        List<Case> cases = cases(lexicons);
        List<String> texts = RuleEngineEquivalenceTest.texts(PACK, 400);
        for (int t = 0; t < texts.size(); t++) {
            String text = texts.get(t);
            ObfuscationCharFilter.Folded folded = ObfuscationCharFilter.fold(text);
            for (RuleLanguage l : RuleLanguage.values()) {
                index.addField(new TextField(l.field(), analyzer.tokenStream(l.field(), folded.reader())), analyzer);
            }
            index.freeze();
            LeafReader read =
                    index.createSearcher().getIndexReader().leaves().get(0).reader();
            // as the engine reads a document (its named terms read once, with it), and as any other reader is
            LeafReaderContext document = lexicons.namedTerms().document(read).getContext();
            LeafReaderContext bare = read.getContext();
            for (Case c : cases) {
                String narrowed = answers(c.narrowed, c.field, document);
                String reference = answers(c.everyForm, c.field, document);
                assertThat(narrowed)
                        .as("%s in %s of: %s", c.narrowed, c.field, text)
                        .isEqualTo(reference);
                // every tenth text: a bare reader's terms are read in full each time a source is asked
                if (t % 10 == 0) {
                    assertThat(answers(c.narrowed, c.field, bare))
                            .as("%s in %s of: %s, its terms read when asked", c.narrowed, c.field, text)
                            .isEqualTo(reference);
                }
                if (!narrowed.isEmpty()) {
                    answered++;
                    if (firstWordsHeld(c, read) == 1) {
                        answeredWithOneFirstWord++;
                    } else {
                        answeredWithSeveral++;
                    }
                }
            }
            index.reset();
        }
        assertThat(answered).as("sources that matched a document").isGreaterThan(1_000);
        assertThat(answeredWithOneFirstWord)
                .as("matched where the field holds one first word of the lexicon")
                .isGreaterThan(100);
        assertThat(answeredWithSeveral)
                .as("matched where the field holds several first words of the lexicon")
                .isGreaterThan(100);
    }

    /** A source built both ways, and the distinct first words of the lexicon narrowed. */
    private record Case(String field, IntervalsSource narrowed, IntervalsSource everyForm, List<String> firstWords) {}

    /** How many of the narrowed lexicon's first words the case's field of the document holds. */
    private static int firstWordsHeld(Case c, LeafReader document) throws IOException {
        TermsEnum terms = document.terms(c.field).iterator();
        int held = 0;
        for (String word : c.firstWords) {
            held += terms.seekExact(new BytesRef(word)) ? 1 : 0;
        }
        return held;
    }

    /**
     * Every lexicon of the pack of two or more forms alone, next to the following lexicon of its language (ordered,
     * at most three words between) and so without its language's negations between them.
     */
    private static List<Case> cases(Lexicons lexicons) {
        List<Case> cases = new ArrayList<>();
        List<Lexicon> all = lexicons.all();
        for (int i = 0; i < all.size(); i++) {
            Lexicon lexicon = all.get(i);
            Lexicon next = all.get((i + 1) % all.size());
            RuleLanguage language = lexicon.language();
            Lexicons.Analysed forms = lexicons.find(lexicon.name(), language).orElseThrow();
            Lexicons.Analysed after =
                    lexicons.find(next.name(), next.language()).orElseThrow();
            if (forms.forms.size() < 2 || next.language() != language) {
                continue;
            }
            List<String> firstWords =
                    forms.forms.stream().map(f -> f.tokens().get(0)).distinct().toList();
            String field = language.field();
            IntervalsSource shortest = shortestOf(lexicons, forms, field);
            cases.add(new Case(field, shortest, everyForm(forms), firstWords));
            IntervalsSource narrowed =
                    Intervals.maxgaps(3, Intervals.ordered(shortest, shortestOf(lexicons, after, field)));
            IntervalsSource reference = Intervals.maxgaps(3, Intervals.ordered(everyForm(forms), everyForm(after)));
            cases.add(new Case(
                    field,
                    lexicons.negations(language)
                            .map(n -> Intervals.notContaining(narrowed, n))
                            .orElse(narrowed),
                    everyNegation(lexicons, language)
                            .map(n -> Intervals.notContaining(reference, n))
                            .orElse(reference),
                    firstWords));
        }
        return cases;
    }

    /** The lexicon's forms narrowed to those whose first word a document holds, read as minimal intervals. */
    private static IntervalsSource shortestOf(Lexicons lexicons, Lexicons.Analysed analysed, String field) {
        return LexiconIntervals.anyShortestOf(
                analysed.forms.stream().map(f -> f.tokens()).toList(), lexicons.namedTerms(), field);
    }

    /** The reference: Lucene's disjunction of every form, which seeks each form in the document. */
    private static IntervalsSource everyForm(Lexicons.Analysed analysed) {
        List<IntervalsSource> forms = analysed.forms.stream()
                .map(f -> f.tokens().size() == 1
                        ? Intervals.term(f.tokens().get(0))
                        : Intervals.phrase(f.tokens().toArray(String[]::new)))
                .toList();
        return forms.size() == 1 ? forms.get(0) : Intervals.or(false, forms);
    }

    /** Every form of the language's negation lexicons, as the reference disjunction. */
    private static Optional<IntervalsSource> everyNegation(Lexicons lexicons, RuleLanguage language) {
        List<IntervalsSource> negations = lexicons.all().stream()
                .filter(l -> l.kind() == LexiconKind.NEGATION && l.language() == language)
                .map(l -> everyForm(lexicons.find(l.name(), language).orElseThrow()))
                .toList();
        return negations.isEmpty()
                ? Optional.empty()
                : Optional.of(negations.size() == 1 ? negations.get(0) : Intervals.or(false, negations));
    }

    /** The source's intervals in the document, then its matches with their sub-matches; empty when it has none. */
    private static String answers(IntervalsSource source, String field, LeafReaderContext document) throws IOException {
        StringBuilder out = new StringBuilder();
        IntervalIterator it = source.intervals(field, document);
        if (it != null && it.nextDoc() == 0) {
            for (int start = it.nextInterval();
                    start != IntervalIterator.NO_MORE_INTERVALS;
                    start = it.nextInterval()) {
                out.append(start).append('-').append(it.end()).append(' ');
            }
        }
        IntervalMatchesIterator matches = source.matches(field, document, 0);
        if (matches != null) {
            out.append("| ");
            while (matches.next()) {
                out.append(span(matches)).append(" [");
                MatchesIterator sub = matches.getSubMatches();
                while (sub != null && sub.next()) {
                    out.append(span(sub)).append(' ');
                }
                out.append("] ");
            }
        }
        return out.toString();
    }

    private static String span(MatchesIterator m) throws IOException {
        return m.startPosition() + "-" + m.endPosition() + "@" + m.startOffset() + "-" + m.endOffset();
    }
}

package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.intervals.IntervalIterator;
import org.apache.lucene.queries.intervals.IntervalMatchesIterator;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;

/**
 * Any of a lexicon's forms as one interval source that asks a document only for the forms whose first word the
 * document's field holds: a form without its first word cannot match, so the answers are those of the disjunction of
 * every form, which sought each of a lexicon's hundreds of forms in every candidate document (two thirds of candidate
 * matching: docs/performance.md, "Rule matching's lexicons asked only for the forms a document holds"). A document is
 * one small index, so its terms are fewer than a lexicon's first words and reading them is the cheaper way to find the
 * forms present. Everything but a document's answers (visiting, equality, extent) is the disjunction's.
 */
final class LexiconIntervals extends IntervalsSource {

    /** A form that no document holds: one form present is still asked through a disjunction. */
    private static final IntervalsSource NO_FORM = Intervals.noIntervals("no form of the lexicon");

    /** The disjunction of every form this source stands for. */
    private final IntervalsSource every;
    /** A form's first word → the sources of the forms it begins. */
    private final Map<BytesRef, List<IntervalsSource>> byFirstWord = new HashMap<>();

    /** Any of {@code forms} (each a lexicon form's analysed words): the one form's source, if it is the only one. */
    static IntervalsSource anyOf(List<List<String>> forms) {
        return forms.size() == 1 ? form(forms.get(0)) : new LexiconIntervals(forms);
    }

    private LexiconIntervals(List<List<String>> forms) {
        List<IntervalsSource> sources = new ArrayList<>(forms.size());
        for (List<String> words : forms) {
            IntervalsSource form = form(words);
            sources.add(form);
            byFirstWord
                    .computeIfAbsent(new BytesRef(words.get(0)), w -> new ArrayList<>())
                    .add(form);
        }
        // no rewrite: pulling the disjunction up multiplies it by every other part of an ordered phrase (a group
        // lexicon with phrases next to a dehumanisation lexicon exceeded Lucene's 1,024 clauses)
        every = Intervals.or(false, sources);
    }

    private static IntervalsSource form(List<String> words) {
        return words.size() == 1 ? Intervals.term(words.get(0)) : Intervals.phrase(words.toArray(String[]::new));
    }

    @Override
    public IntervalIterator intervals(String field, LeafReaderContext ctx) throws IOException {
        IntervalsSource present = presentIn(field, ctx);
        return present == null ? null : present.intervals(field, ctx);
    }

    @Override
    public IntervalMatchesIterator matches(String field, LeafReaderContext ctx, int doc) throws IOException {
        IntervalsSource present = presentIn(field, ctx);
        return present == null ? null : present.matches(field, ctx, doc);
    }

    /** Any of the forms whose first word the field holds, or null when it holds none. */
    private IntervalsSource presentIn(String field, LeafReaderContext ctx) throws IOException {
        Terms terms = ctx.reader().terms(field);
        if (terms == null) {
            return null;
        }
        List<IntervalsSource> present = new ArrayList<>();
        TermsEnum e = terms.iterator();
        long held = terms.size();
        if (held >= 0 && held < byFirstWord.size()) {
            for (BytesRef term = e.next(); term != null; term = e.next()) {
                List<IntervalsSource> forms = byFirstWord.get(term);
                if (forms != null) {
                    present.addAll(forms);
                }
            }
        } else {
            for (Map.Entry<BytesRef, List<IntervalsSource>> first : byFirstWord.entrySet()) {
                if (e.seekExact(first.getKey())) {
                    present.addAll(first.getValue());
                }
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        if (present.size() == 1) {
            // Lucene returns a lone source as it is, but a disjunction drops a repeated interval (a word stacked twice
            // at one position), which the form's own source reports twice
            present.add(NO_FORM);
        }
        return Intervals.or(false, present);
    }

    @Override
    public void visit(String field, QueryVisitor visitor) {
        every.visit(field, visitor);
    }

    @Override
    public int minExtent() {
        return every.minExtent();
    }

    @Override
    public Collection<IntervalsSource> pullUpDisjunctions() {
        return List.of(this);
    }

    @Override
    public int hashCode() {
        return every.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LexiconIntervals l && every.equals(l.every);
    }

    @Override
    public String toString() {
        return every.toString();
    }
}

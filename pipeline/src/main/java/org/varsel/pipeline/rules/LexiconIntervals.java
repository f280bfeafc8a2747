package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.intervals.IntervalIterator;
import org.apache.lucene.queries.intervals.IntervalMatchesIterator;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Any of a lexicon's forms as one interval source that asks a document only for the forms whose first word the
 * document's field holds: a form without its first word cannot match, so the answers are those of the disjunction of
 * every form, which sought each of a lexicon's hundreds of forms in every candidate document (two thirds of candidate
 * matching: docs/performance.md, "Rule matching's lexicons asked only for the forms a document holds"). The first words
 * are numbered with the terms the rules name, so the document's terms, read once for the candidate checks ({@link
 * NamedTerms}), say which are present: each source had read the field's terms again for every part it stood in.
 * Everything but a document's answers (visiting, equality, extent) is the disjunction's.
 */
final class LexiconIntervals extends IntervalsSource {

    /** A form that no document holds: one form present is still asked through a disjunction. */
    private static final IntervalsSource NO_FORM = Intervals.noIntervals("no form of the lexicon");

    /** The disjunction of every form this source stands for. */
    private final IntervalsSource every;
    /** Where the first words are numbered, and a document's terms read. */
    private final NamedTerms named;
    /** The field the first words are numbered in: the lexicon's language's. */
    private final String field;
    /** The forms' distinct first words, by their numbers in {@link #named}. */
    private final int[] firstWords;
    /** For each first word (as numbered in {@link #firstWords}), the sources of the forms it begins. */
    private final List<List<IntervalsSource>> formsBegunBy = new ArrayList<>();
    /** As above, as one source: what a document that holds only that first word is asked. */
    private final IntervalsSource[] anyFormBegunBy;

    /**
     * Any of {@code forms} (each a lexicon form's analysed words) in {@code field}, their first words numbered in
     * {@code named}: the one form's source, if it is the only one.
     */
    static IntervalsSource anyOf(List<List<String>> forms, NamedTerms named, String field) {
        return forms.size() == 1 ? form(forms.get(0)) : new LexiconIntervals(forms, named, field);
    }

    private LexiconIntervals(List<List<String>> forms, NamedTerms named, String field) {
        this.named = named;
        this.field = field;
        List<IntervalsSource> sources = new ArrayList<>(forms.size());
        Map<String, List<IntervalsSource>> byFirstWord = new LinkedHashMap<>();
        for (List<String> words : forms) {
            IntervalsSource form = form(words);
            sources.add(form);
            byFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(new HashedOnce(form));
        }
        // no rewrite: pulling the disjunction up multiplies it by every other part of an ordered phrase (a group
        // lexicon with phrases next to a dehumanisation lexicon exceeded Lucene's 1,024 clauses)
        every = Intervals.or(false, sources);
        firstWords = new int[byFirstWord.size()];
        anyFormBegunBy = new IntervalsSource[byFirstWord.size()];
        for (Map.Entry<String, List<IntervalsSource>> first : byFirstWord.entrySet()) {
            int i = formsBegunBy.size();
            firstWords[i] = named.number(field, new BytesRef(first.getKey()));
            formsBegunBy.add(first.getValue());
            anyFormBegunBy[i] = anyOfPresent(first.getValue());
        }
    }

    private static IntervalsSource form(List<String> words) {
        return words.size() == 1 ? Intervals.term(words.get(0)) : Intervals.phrase(words.toArray(String[]::new));
    }

    /** The disjunction of the forms present: Lucene returns a lone source as it is, which this must not. */
    private static IntervalsSource anyOfPresent(List<IntervalsSource> present) {
        if (present.size() > 1) {
            return Intervals.or(false, present);
        }
        // a disjunction drops a repeated interval (a word stacked twice at one position), which the form's own source
        // reports twice
        return Intervals.or(false, present.get(0), NO_FORM);
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
        if (!field.equals(this.field)) {
            throw new IllegalArgumentException("a lexicon of " + this.field + " asked for " + field);
        }
        FixedBitSet held = named.heldIn(ctx.reader(), field);
        int onlyFirst = -1;
        List<IntervalsSource> present = null;
        for (int i = 0; i < firstWords.length; i++) {
            if (!held.get(firstWords[i])) {
                continue;
            }
            if (onlyFirst < 0) {
                onlyFirst = i;
            } else {
                if (present == null) {
                    present = new ArrayList<>(formsBegunBy.get(onlyFirst));
                }
                present.addAll(formsBegunBy.get(i));
            }
        }
        if (onlyFirst < 0) {
            return null;
        }
        return present == null ? anyFormBegunBy[onlyFirst] : Intervals.or(false, present);
    }

    @Override
    public void visit(String field, QueryVisitor visitor) {
        every.visit(field, visitor);
    }

    /**
     * A form's source whose hash is computed once: {@code Intervals.or} puts every source it is given into a hash set,
     * twice, and a phrase's hash runs over its words' bytes; a document that holds several first words of a lexicon
     * had each of their forms hashed anew by every part that asked (2 % of matching: docs/performance.md, "Rule
     * matching's debts paid"). Everything else is the form's own.
     */
    private static final class HashedOnce extends IntervalsSource {
        private final IntervalsSource form;
        private final int hash;

        HashedOnce(IntervalsSource form) {
            this.form = form;
            hash = form.hashCode();
        }

        @Override
        public IntervalIterator intervals(String field, LeafReaderContext ctx) throws IOException {
            return form.intervals(field, ctx);
        }

        @Override
        public IntervalMatchesIterator matches(String field, LeafReaderContext ctx, int doc) throws IOException {
            return form.matches(field, ctx, doc);
        }

        @Override
        public void visit(String field, QueryVisitor visitor) {
            form.visit(field, visitor);
        }

        @Override
        public int minExtent() {
            return form.minExtent();
        }

        @Override
        public Collection<IntervalsSource> pullUpDisjunctions() {
            return List.of(this);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof HashedOnce h && form.equals(h.form);
        }

        @Override
        public String toString() {
            return form.toString();
        }
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

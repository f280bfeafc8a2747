package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
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
 * Where a form ends with another of the reference ("illegal aliens" with "aliens"), the answers are read longer forms
 * first ({@link LongerFormsFirst}), so that a phrase reads the longer form whole; a negation, which a phrase must not
 * span, is read as the disjunction's minimal intervals. Everything but a document's answers (visiting, equality,
 * extent) is the disjunction's.
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
    /** Whether the forms that end with another are read first ({@link LongerFormsFirst}): all but negations. */
    private final boolean longerFirst;
    /** The forms that end with another form of the reference, and their words as numbered in {@link #named}. */
    private final List<LongerForm> longer = new ArrayList<>();

    /** A form that ends with another, and its words' numbers: it is asked of a document that holds all of them. */
    private record LongerForm(IntervalsSource source, int[] words) {}

    /** What a document is asked: any of the forms whose first word it holds, and the longer forms it holds. */
    private record Present(IntervalsSource any, List<IntervalsSource> longer) {}

    /**
     * Any of {@code forms} (each a lexicon form's analysed words) in {@code field}, their first words numbered in
     * {@code named}: the one form's source, if it is the only one.
     */
    static IntervalsSource anyOf(List<List<String>> forms, NamedTerms named, String field) {
        return forms.size() == 1 ? form(forms.get(0)) : new LexiconIntervals(forms, named, field, true);
    }

    /**
     * As {@link #anyOf}, as the disjunction's minimal intervals alone: a negation inside a match refuses it, and Lucene
     * tests that on minimal intervals ("certainly not" read whole would start inside a match that ends with "certainly").
     */
    static IntervalsSource anyShortestOf(List<List<String>> forms, NamedTerms named, String field) {
        return forms.size() == 1 ? form(forms.get(0)) : new LexiconIntervals(forms, named, field, false);
    }

    private LexiconIntervals(List<List<String>> forms, NamedTerms named, String field, boolean longerFirst) {
        this.named = named;
        this.field = field;
        this.longerFirst = longerFirst;
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
        if (longerFirst) {
            Set<List<String>> distinct = new HashSet<>(forms);
            for (List<String> words : forms) {
                if (endsWithAnother(words, distinct)) {
                    int[] numbers = words.stream()
                            .mapToInt(w -> named.number(field, new BytesRef(w)))
                            .toArray();
                    longer.add(new LongerForm(form(words), numbers));
                }
            }
        }
    }

    private static boolean endsWithAnother(List<String> words, Set<List<String>> forms) {
        for (int from = 1; from < words.size(); from++) {
            if (forms.contains(words.subList(from, words.size()))) {
                return true;
            }
        }
        return false;
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
        return answer(field, ctx, source -> source.intervals(field, ctx), LongerFormsFirst::intervals);
    }

    @Override
    public IntervalMatchesIterator matches(String field, LeafReaderContext ctx, int doc) throws IOException {
        return answer(field, ctx, source -> source.matches(field, ctx, doc), LongerFormsFirst::matches);
    }

    /** One source's answer for a document: its intervals, or its matches; null when it has none. */
    @FunctionalInterface
    private interface Answer<A> {
        A of(IntervalsSource source) throws IOException;
    }

    /** The document's answer: the present forms', read with the longer forms it holds first when it holds any. */
    private <A> A answer(String field, LeafReaderContext ctx, Answer<A> answer, BiFunction<A, List<A>, A> longerFirst)
            throws IOException {
        Present present = presentIn(field, ctx);
        if (present == null) {
            return null;
        }
        A any = answer.of(present.any);
        if (any == null || present.longer.isEmpty()) {
            return any;
        }
        List<A> longerForms = new ArrayList<>(present.longer.size());
        for (IntervalsSource form : present.longer) {
            A it = answer.of(form);
            if (it != null) {
                longerForms.add(it);
            }
        }
        return longerFirst.apply(any, longerForms);
    }

    /** What the field's document is asked, or null when it holds no first word of a form. */
    private Present presentIn(String field, LeafReaderContext ctx) throws IOException {
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
        return new Present(present == null ? anyFormBegunBy[onlyFirst] : Intervals.or(false, present), longerIn(held));
    }

    /** The longer forms whose every word the document holds: the others cannot be in it. */
    private List<IntervalsSource> longerIn(FixedBitSet held) {
        List<IntervalsSource> in = List.of();
        for (LongerForm form : longer) {
            if (Arrays.stream(form.words).allMatch(held::get)) {
                if (in.isEmpty()) {
                    in = new ArrayList<>();
                }
                in.add(form.source);
            }
        }
        return in;
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
        return other instanceof LexiconIntervals l && every.equals(l.every) && longerFirst == l.longerFirst;
    }

    @Override
    public String toString() {
        return every.toString();
    }
}

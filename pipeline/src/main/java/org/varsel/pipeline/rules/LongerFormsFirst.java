package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.queries.intervals.IntervalIterator;
import org.apache.lucene.queries.intervals.IntervalMatchesIterator;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;

/**
 * A lexicon reference's matches as an ordered phrase should read them where one of its forms ends with another
 * ("illegal aliens" ends with "aliens", "all of you" with "you"): before each minimal interval of the forms'
 * disjunction, the longer forms that end where it ends and hold no other match of the reference. Lucene's disjunction
 * reports only the minimal intervals, so the longer form's other words were the phrase's gap ("Kill illegal aliens"
 * missed {@code "kill @group"~0}). An ordered phrase takes the first interval of a part that starts after the part
 * before: it now takes the longest such form where the part before leaves its words free, and the shorter form where
 * the part before took some of them ("to the @execution" in "to the rope"). Each longer form ends where its shorter
 * form ends, so the parts after it see what they saw and nothing the minimal reading matched is lost; starts and ends
 * still never go back, as Lucene's operators expect. A form that goes on after the shorter one ("beat the crap out
 * of" after "beat") is not read so: its words after the shorter form would take the next part's.
 */
final class LongerFormsFirst {

    private LongerFormsFirst() {}

    /**
     * The reading of {@code minimal} (the disjunction's iterator) with {@code longer} (an iterator of each longer form
     * the document may hold), for scoring: documents are the disjunction's, as a longer form holds a shorter one.
     */
    static IntervalIterator intervals(IntervalIterator minimal, List<IntervalIterator> longer) {
        return new InDocuments(minimal, longer);
    }

    /** As {@link #intervals}, for one document's matches: where each interval is in the text, and its words. */
    static IntervalMatchesIterator matches(IntervalMatchesIterator minimal, List<IntervalMatchesIterator> longer) {
        return new Matches(minimal, longer);
    }

    /** The order within one document: each minimal interval after the longer forms that end where it ends. */
    private static final class Reading<I extends IntervalIterator> {
        private final I minimal;
        /** The longer forms' iterators that stand on the document: its owner refills the list on each document. */
        private final List<I> longer;
        /** The intervals to report, each the iterator standing on it: longer forms first, then the minimal one. */
        private final List<I> queued = new ArrayList<>();

        private int next;
        /** Where the minimal interval before starts: a longer form that starts there or before holds two matches. */
        private int startBefore = -1;

        Reading(I minimal, List<I> longer) {
            this.minimal = minimal;
            this.longer = longer;
        }

        /** A new document, once the longer forms' list holds the iterators that stand on it. */
        void restart() {
            queued.clear();
            next = 0;
            startBefore = -1;
        }

        /** The iterator standing on the next interval, or null when the document has none. */
        I next() throws IOException {
            if (next < queued.size()) {
                return queued.get(next++);
            }
            queued.clear();
            next = 0;
            if (minimal.nextInterval() == IntervalIterator.NO_MORE_INTERVALS) {
                return null;
            }
            for (I form : longer) {
                while (form.end() < minimal.end()) {
                    form.nextInterval();
                }
                if (form.end() == minimal.end() && form.start() < minimal.start() && form.start() > startBefore) {
                    queued.add(form);
                }
            }
            queued.sort(Comparator.comparingInt(IntervalIterator::start));
            queued.add(minimal);
            startBefore = minimal.start();
            return queued.get(next++);
        }
    }

    /**
     * An interval iterator that reports the interval it stands on from two stored positions: -1 before the first,
     * {@link IntervalIterator#NO_MORE_INTERVALS} after the last, as Lucene's own iterators answer.
     */
    private abstract static class StoredInterval extends IntervalIterator {
        private int start = -1;
        private int end = -1;

        /** Stands on the interval from {@code start} to {@code end}; returns its start, as {@code nextInterval} does. */
        final int standOn(int start, int end) {
            this.start = start;
            this.end = end;
            return start;
        }

        /** Stands past the last interval. */
        final int exhausted() {
            return standOn(NO_MORE_INTERVALS, NO_MORE_INTERVALS);
        }

        /** Stands before the first interval of a new document. */
        final void unpositioned() {
            standOn(-1, -1);
        }

        @Override
        public final int start() {
            return start;
        }

        @Override
        public final int end() {
            return end;
        }
    }

    /** The reading over the documents of a segment. */
    private static final class InDocuments extends StoredInterval {
        private final IntervalIterator minimal;
        private final List<IntervalIterator> longer;
        /** The longer forms' iterators that stand on the current document: one list, refilled on each document. */
        private final List<IntervalIterator> here;

        private final Reading<IntervalIterator> reading;
        private IntervalIterator current;

        InDocuments(IntervalIterator minimal, List<IntervalIterator> longer) {
            this.minimal = minimal;
            this.longer = longer;
            here = new ArrayList<>(longer.size());
            reading = new Reading<>(minimal, here);
        }

        @Override
        public int docID() {
            return minimal.docID();
        }

        @Override
        public int nextDoc() throws IOException {
            return onDocument(minimal.nextDoc());
        }

        @Override
        public int advance(int target) throws IOException {
            return onDocument(minimal.advance(target));
        }

        private int onDocument(int doc) throws IOException {
            here.clear();
            if (doc != NO_MORE_DOCS) {
                for (IntervalIterator form : longer) {
                    if (form.docID() < doc) {
                        form.advance(doc);
                    }
                    if (form.docID() == doc) {
                        here.add(form);
                    }
                }
            }
            reading.restart();
            current = null;
            unpositioned();
            return doc;
        }

        @Override
        public int nextInterval() throws IOException {
            current = reading.next();
            return current == null ? exhausted() : standOn(current.start(), current.end());
        }

        @Override
        public int gaps() {
            return current == null ? 0 : current.gaps();
        }

        @Override
        public float matchCost() {
            return minimal.matchCost();
        }

        @Override
        public long cost() {
            return minimal.cost();
        }
    }

    /**
     * One document's matches, each iterator read as an interval iterator by {@link Reading}. Lucene asks where a match
     * ends before the first and after the last (an ordered phrase tests its parts' ends), as of its own iterators: -1
     * before, {@link IntervalIterator#NO_MORE_INTERVALS} after.
     */
    private static final class Matches implements IntervalMatchesIterator {
        private final Reading<AsIntervals> reading;
        private AsIntervals current;
        private int position = -1;

        Matches(IntervalMatchesIterator minimal, List<IntervalMatchesIterator> longer) {
            reading = new Reading<>(
                    new AsIntervals(minimal),
                    longer.stream().map(AsIntervals::new).toList());
        }

        @Override
        public boolean next() throws IOException {
            current = reading.next();
            if (current == null) {
                position = IntervalIterator.NO_MORE_INTERVALS;
            }
            return current != null;
        }

        @Override
        public int startPosition() {
            return current == null ? position : current.start();
        }

        @Override
        public int endPosition() {
            return current == null ? position : current.end();
        }

        @Override
        public int startOffset() throws IOException {
            return current == null ? -1 : current.matches.startOffset();
        }

        @Override
        public int endOffset() throws IOException {
            return current == null ? -1 : current.matches.endOffset();
        }

        @Override
        public MatchesIterator getSubMatches() throws IOException {
            return current == null ? null : current.matches.getSubMatches();
        }

        @Override
        public Query getQuery() {
            return current == null ? null : current.matches.getQuery();
        }

        @Override
        public int gaps() {
            return current == null ? 0 : current.matches.gaps();
        }

        @Override
        public int width() {
            return current == null ? 0 : current.matches.width();
        }
    }

    /**
     * One document's matches of a form as the interval iterator {@link Reading} steps: positions only, in the one
     * document the matches were asked for.
     */
    private static final class AsIntervals extends StoredInterval {
        private final IntervalMatchesIterator matches;

        AsIntervals(IntervalMatchesIterator matches) {
            this.matches = matches;
        }

        @Override
        public int nextInterval() throws IOException {
            return matches.next() ? standOn(matches.startPosition(), matches.endPosition()) : exhausted();
        }

        @Override
        public int gaps() {
            return matches.gaps();
        }

        @Override
        public float matchCost() {
            return 0;
        }

        @Override
        public int docID() {
            throw new UnsupportedOperationException("the matches of one document");
        }

        @Override
        public int nextDoc() {
            throw new UnsupportedOperationException("the matches of one document");
        }

        @Override
        public int advance(int target) {
            throw new UnsupportedOperationException("the matches of one document");
        }

        @Override
        public long cost() {
            return 1;
        }
    }
}

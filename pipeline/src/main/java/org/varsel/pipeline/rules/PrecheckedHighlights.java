package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The monitor's candidate matcher: what {@link HighlightsMatch#MATCHER} does, minus the work for candidates that
 * cannot match. The presearcher picks a rule because one of its terms occurs in the text, but most candidates then
 * lack another required word ({@code a AND b} with only {@code a} present); rewriting and weighting such a query
 * was ~12% of matching (docs/performance.md). Before that, this checks what the query needs
 * ({@link TermRequirements}) against the document's terms and drops the candidate when it cannot match; every other
 * candidate goes the {@code HighlightsMatch} way (rewrite, weight, {@code Weight.matches}, sub-matches of phrases). Only the offsets
 * of the hits are kept: that is all {@link RuleEngine} reports.
 */
final class PrecheckedHighlights {

    /** The spans of one rule's hits in the text, over all fields; may repeat a span. */
    static final class Spans extends QueryMatch {
        final List<int[]> offsets;

        Spans(String queryId, List<int[]> offsets) {
            super(queryId);
            this.offsets = offsets;
        }
    }

    /** The candidate matcher of an engine whose rule queries {@code requirements} compiled. */
    static MatcherFactory<Spans> matcher(TermRequirements requirements) {
        return searcher -> {
            // a one-document index: the query cache only adds wrapping and usage tracking to every candidate
            searcher.setQueryCache(null);
            return new Matcher(searcher, requirements);
        };
    }

    private PrecheckedHighlights() {}

    private static final class Matcher extends CandidateMatcher<Spans> {
        private final TermRequirements requirements;
        /** Read at the first candidate: a text without candidates never needs them. */
        private TermRequirements.DocumentTerms documentTerms;

        Matcher(IndexSearcher searcher, TermRequirements requirements) {
            super(searcher);
            this.requirements = requirements;
        }

        @Override
        protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
            IndexReader reader = searcher.getIndexReader();
            if (documentTerms == null) {
                documentTerms = requirements.read(reader);
            }
            if (requirements.cannotMatch(matchQuery, documentTerms)) {
                return;
            }
            Weight w = searcher.createWeight(searcher.rewrite(matchQuery), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext ctx : reader.leaves()) {
                for (int i = 0; i < ctx.reader().maxDoc(); i++) {
                    Matches matches = w.matches(ctx, i);
                    if (matches != null) {
                        addMatch(spans(matches, queryId), ctx.docBase + i);
                    }
                }
            }
        }

        @Override
        public Spans resolve(Spans a, Spans b) {
            List<int[]> both = new ArrayList<>(a.offsets);
            both.addAll(b.offsets);
            return new Spans(a.getQueryId(), both);
        }

        /** As {@code HighlightsMatch} builds its hits: the sub-matches of a phrase, else the match itself. */
        private static Spans spans(Matches matches, String queryId) throws IOException {
            List<int[]> offsets = new ArrayList<>();
            for (String field : matches) {
                MatchesIterator mi = matches.getMatches(field);
                while (mi.next()) {
                    MatchesIterator sub = mi.getSubMatches();
                    if (sub != null) {
                        while (sub.next()) {
                            offsets.add(new int[] {sub.startOffset(), sub.endOffset()});
                        }
                    } else {
                        offsets.add(new int[] {mi.startOffset(), mi.endOffset()});
                    }
                }
            }
            return new Spans(queryId, offsets);
        }
    }
}

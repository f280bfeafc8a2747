package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * Runs the rule queries that can match a one-document index and returns their highlights, as the Lucene Monitor did
 * with {@link HighlightsMatch#MATCHER}, minus the work for queries that cannot match. Each rule query is split into
 * the parts the Monitor would run separately ({@link QueryDecomposer}: {@code a OR b} into {@code a} and {@code b});
 * the document's terms name the parts whose requirements they can meet ({@link TermRequirements}), and only those
 * are weighted and asked for their matches (and a phrase for its words' sub-matches); a part is rewritten once per
 * engine unless its rewrite depends on the document's terms (a prefix, wildcard or fuzzy term). Choosing the parts
 * from the numbered terms replaced the Monitor's presearcher query over its query index, which cost more than all the
 * candidates it admitted (docs/performance.md, "Rule matching without the Monitor's query index").
 */
final class PrecheckedHighlights {

    private final Query[] parts;
    /**
     * Each part rewritten once, when its rewrite cannot depend on the document (no prefix, wildcard or fuzzy term to
     * expand over the document's terms); else null. Rewriting a lexicon rule per candidate was the largest cost of
     * matching once the query index was gone (docs/performance.md).
     */
    private final Query[] rewritten;
    /** Part → the number of the rule it came from. */
    private final int[] ruleOfPart;

    private final NamedTerms named;
    private final TermRequirements requirements;

    /**
     * The matcher of rules whose compiled queries are {@code rules}, each numbered by its place in the list; their
     * terms are numbered in {@code named} with those their lexicon sources numbered there ({@link
     * Lexicons#namedTerms}), so that a document's are read once for both.
     */
    PrecheckedHighlights(List<Query> rules, NamedTerms named) {
        QueryDecomposer decomposer = new QueryDecomposer();
        List<Query> split = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            for (Query part : decomposer.decompose(rules.get(r))) {
                split.add(part);
                owners.add(r);
            }
        }
        parts = split.toArray(Query[]::new);
        IndexSearcher noDocument = new MemoryIndex().createSearcher();
        rewritten = split.stream().map(q -> rewrittenAlike(noDocument, q)).toArray(Query[]::new);
        ruleOfPart = owners.stream().mapToInt(Integer::intValue).toArray();
        this.named = named;
        requirements = new TermRequirements(split, named, TermRequirements.LEARNED_DOCUMENTS);
    }

    /**
     * The spans of each rule that matches the one document of {@code index}'s reader, by rule number; a rule matched
     * by several parts gets all their spans (some may repeat). A part Lucene refuses for too many clauses counts as no
     * match, as in the Monitor; any other failure of a part is thrown.
     */
    Map<Integer, List<int[]>> match(LeafReader index) throws IOException {
        NamedTerms.Document document = named.document(index);
        IndexSearcher searcher = new IndexSearcher(document);
        // a one-document index: the query cache only adds wrapping and usage tracking to every query
        searcher.setQueryCache(null);
        FixedBitSet candidates = requirements.possibleParts(requirements.of(document.held()));
        Map<Integer, List<int[]>> spans = new HashMap<>();
        for (int p = candidates.nextSetBit(0);
                p != DocIdSetIterator.NO_MORE_DOCS;
                p = p + 1 < candidates.length() ? candidates.nextSetBit(p + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            List<int[]> found;
            try {
                found = matchPart(searcher, rewritten[p] != null ? rewritten[p] : searcher.rewrite(parts[p]));
            } catch (IndexSearcher.TooManyClauses e) {
                // as the Monitor's candidate matching did: a query Lucene refuses here (too many clauses after
                // rewriting) matches nothing; RuleQueryCompiler refuses the rules known to do that. Any other failure
                // is a bug in the engine and must not read as a miss (session 24: 30 rule examples lost so)
                continue;
            }
            if (found != null) {
                spans.computeIfAbsent(ruleOfPart[p], r -> new ArrayList<>()).addAll(found);
            }
        }
        return spans;
    }

    /** {@code q} rewritten, when no document can rewrite it otherwise; else null (and when Lucene refuses it). */
    private static Query rewrittenAlike(IndexSearcher noDocument, Query q) {
        if (!rewritesAlikeForEveryDocument(q)) {
            return null;
        }
        try {
            return noDocument.rewrite(q);
        } catch (IOException | IndexSearcher.TooManyClauses e) {
            return null; // refused at build: refused again, per document, as before
        }
    }

    /**
     * Terms, phrases, interval queries (which expand their patterns when matching, not when rewritten) and boolean,
     * boost and constant-score queries over them rewrite the same whatever the index holds.
     */
    private static boolean rewritesAlikeForEveryDocument(Query q) {
        if (q instanceof TermQuery || q instanceof PhraseQuery || q instanceof IntervalQuery) {
            return true;
        }
        if (q instanceof BoostQuery b) {
            return rewritesAlikeForEveryDocument(b.getQuery());
        }
        if (q instanceof ConstantScoreQuery c) {
            return rewritesAlikeForEveryDocument(c.getQuery());
        }
        return q instanceof BooleanQuery bq
                && bq.clauses().stream().allMatch(c -> rewritesAlikeForEveryDocument(c.getQuery()));
    }

    /**
     * The spans of a part's match, or null when it does not match (a match may have no spans). As {@code
     * HighlightsMatch} collects its hits: the sub-matches of a phrase, else the match itself.
     */
    private static List<int[]> matchPart(IndexSearcher searcher, Query rewritten) throws IOException {
        List<int[]> offsets = null;
        Weight w = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            for (int doc = 0; doc < ctx.reader().maxDoc(); doc++) {
                Matches matches = w.matches(ctx, doc);
                if (matches == null) {
                    continue;
                }
                offsets = offsets == null ? new ArrayList<>() : offsets;
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
            }
        }
        return offsets;
    }
}

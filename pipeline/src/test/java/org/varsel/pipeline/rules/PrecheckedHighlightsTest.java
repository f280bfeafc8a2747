package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;

/** Which failures of a rule part read as no match, and which are the engine's bugs and thrown. */
class PrecheckedHighlightsTest {

    private static final Query KILL = new TermQuery(new Term("text", "kill"));

    @Test
    void aPartLuceneRefusesForTooManyClausesMatchesNothingAndTheOtherPartsStillMatch() throws IOException {
        PrecheckedHighlights matcher = new PrecheckedHighlights(
                List.of(new FailingQuery(IndexSearcher.TooManyClauses::new), KILL), new NamedTerms());

        assertThat(matcher.match(document("kill them all")).keySet()).containsExactly(1);
    }

    @Test
    void aPartThatFailsForAnyOtherReasonIsAnEngineBugAndIsThrownNotReadAsAMiss() {
        PrecheckedHighlights matcher = new PrecheckedHighlights(
                List.of(new FailingQuery(() -> new IllegalStateException("asked before next()")), KILL),
                new NamedTerms());

        assertThatThrownBy(() -> matcher.match(document("kill them all")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("asked before next()");
    }

    private static LeafReader document(String text) {
        MemoryIndex index = new MemoryIndex();
        index.addField("text", text, new WhitespaceAnalyzer());
        return index.createSearcher().getIndexReader().leaves().get(0).reader();
    }

    /** A rule part whose matching fails as {@code failure} says, on every document. */
    private static final class FailingQuery extends Query {

        private final Supplier<RuntimeException> failure;

        FailingQuery(Supplier<RuntimeException> failure) {
            this.failure = failure;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            return new Weight(this) {
                @Override
                public Matches matches(LeafReaderContext context, int doc) {
                    throw failure.get();
                }

                @Override
                public Explanation explain(LeafReaderContext context, int doc) {
                    throw failure.get();
                }

                @Override
                public Scorer scorer(LeafReaderContext context) {
                    throw failure.get();
                }

                @Override
                public boolean isCacheable(LeafReaderContext ctx) {
                    return false;
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public String toString(String field) {
            return "failing";
        }

        @Override
        public boolean equals(Object other) {
            return other == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}

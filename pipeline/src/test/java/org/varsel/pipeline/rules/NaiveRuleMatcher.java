package org.varsel.pipeline.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopTermsRewrite;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The baseline the {@link RuleEngine} is measured and tested against: every rule's query run over
 * a {@link MemoryIndex} of the text, no presearcher. Same analysis, so the same rules match; far
 * slower with many rules. For benchmarks and tests, not for the pipeline. A query runs part by part, as the Monitor
 * and the engine run it ({@link QueryDecomposer}), because Lucene's clause limit binds each part, not the whole rule.
 */
public final class NaiveRuleMatcher {

    /** The doc-values field that numbers a text in the index of many ({@link #matchingRuleIdsOfEach}). */
    private static final String TEXT_NUMBER = "text-number";

    private record Compiled(String id, Set<Query> parts) {}

    private final Analyzer analyzer = RuleAnalyzer.perField();
    /** Every word through every filter: nothing remembered between texts. */
    private final Analyzer documents;

    private final List<Compiled> rules = new ArrayList<>();

    /** Compiles the pack's active and shadow rules. */
    public NaiveRuleMatcher(RulePack pack) {
        documents = RuleAnalyzer.perField(true, false, pack.lexicons(), AsWritten.wordsIn(pack));
        RuleQueryCompiler compiler = new RuleQueryCompiler(analyzer, new Lexicons(pack.lexicons()));
        for (Rule r : pack.rules()) {
            if (r.status() == RuleStatus.DISABLED) {
                continue;
            }
            RuleQueryCompiler.Compiled c = compiler.compile(r.query(), r.languages());
            if (!c.ok()) {
                throw new IllegalArgumentException(r.id() + ": " + c.errors());
            }
            rules.add(new Compiled(r.id(), new QueryDecomposer().decompose(c.query())));
        }
    }

    /** Ids of the rules (active or shadow) that match, in id order. */
    public Set<String> matchingRuleIds(String text, Optional<String> language) {
        return matchingRuleIds(text, language, rules);
    }

    private Set<String> matchingRuleIds(String text, Optional<String> language, List<Compiled> among) {
        Set<String> ids = new TreeSet<>();
        if (text == null || text.isEmpty()) {
            return ids;
        }
        MemoryIndex index = new MemoryIndex(false, false);
        for (RuleLanguage l : RuleEngine.fieldsFor(language)) {
            index.addField(l.field(), text, documents);
        }
        for (Compiled r : among) {
            if (r.parts().stream().anyMatch(part -> index.search(part) > 0)) {
                ids.add(r.id());
            }
        }
        return ids;
    }

    /**
     * What {@link #matchingRuleIds} answers for each text, in the texts' order, with every query run once over one
     * index of all the texts instead of once over each text: the plain loop's cost is Lucene rewriting each deep
     * lexicon query for every document (docs/testing.md), and a query's match in one document does not depend on the
     * others. A pattern (a prefix, wildcard or regular expression, in a query or an interval source) expands over
     * every text's terms, but a document matches only its own, and an expansion past Lucene's limits fails loudly;
     * a query that keeps only its best-scoring expansions (a fuzzy term) could keep others over many texts than over
     * one, so such a query still runs over each text alone. A document counts as matched when it scores above zero,
     * as {@link MemoryIndex#search} is read above.
     */
    public List<Set<String>> matchingRuleIdsOfEach(List<String> texts, Optional<String> language) {
        List<Set<String>> ids = new ArrayList<>();
        texts.forEach(text -> ids.add(new TreeSet<>()));
        Map<Boolean, List<Compiled>> byExpansion = rules.stream()
                .collect(Collectors.partitioningBy(
                        r -> r.parts().stream().anyMatch(NaiveRuleMatcher::keepsOnlyItsBestExpansions)));
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(documents))) {
                for (int t = 0; t < texts.size(); t++) {
                    Document document = new Document();
                    document.add(new NumericDocValuesField(TEXT_NUMBER, t));
                    if (!texts.get(t).isEmpty()) {
                        for (RuleLanguage l : RuleEngine.fieldsFor(language)) {
                            document.add(new TextField(l.field(), texts.get(t), Field.Store.NO));
                        }
                    }
                    writer.addDocument(document);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (Compiled r : byExpansion.get(false)) {
                    for (Query part : r.parts()) {
                        searcher.search(part, new ScoringAboveZero(r.id(), ids));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int t = 0; t < texts.size(); t++) {
            ids.get(t).addAll(matchingRuleIds(texts.get(t), language, byExpansion.get(true)));
        }
        return ids;
    }

    /** Whether the query (any clause, negated ones too) expands a pattern to only its best-scoring terms. */
    private static boolean keepsOnlyItsBestExpansions(Query query) {
        boolean[] best = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                best[0] |= q instanceof MultiTermQuery m && m.getRewriteMethod() instanceof TopTermsRewrite<?>;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return best[0];
    }

    /** Adds the rule's id to every text whose document the query scores above zero. */
    private static final class ScoringAboveZero extends SimpleCollector {
        private final String ruleId;
        private final List<Set<String>> ids;
        private Scorable scorer;
        private NumericDocValues textNumbers;

        ScoringAboveZero(String ruleId, List<Set<String>> ids) {
            this.ruleId = ruleId;
            this.ids = ids;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            textNumbers = DocValues.getNumeric(context.reader(), TEXT_NUMBER);
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (scorer.score() > 0 && textNumbers.advanceExact(doc)) {
                ids.get((int) textNumbers.longValue()).add(ruleId);
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }
}

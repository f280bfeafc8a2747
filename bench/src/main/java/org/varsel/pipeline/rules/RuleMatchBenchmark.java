package org.varsel.pipeline.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.varsel.bench.RuleMatchLevers;
import org.varsel.bench.SingleThreadThroughput;

/**
 * Documents per second through rule matching at 1,000 rules, one thread, for the levers listed in
 * docs/performance.md ("Rule matching: measured levers"): {@code engine} is {@link RuleEngine#match} as built;
 * {@code reference} is the unoptimised path on its own {@link Monitor} (every field {@link RuleEngine#fieldsFor}
 * names, {@link HighlightsMatch} for every candidate), so each run carries its own control; the others change one
 * thing against it. It sits in the rules package to reach the package-private analyzer and query compiler.
 * Run: {@code bench/run jmh RuleMatchBenchmark} (add {@code -p pack=all} to pick a pack).
 */
public class RuleMatchBenchmark extends SingleThreadThroughput {

    /** {@code all}: bundled en, da and any rules + generated any rules; {@code no-da}: the same without da rules. */
    @Param({"all", "no-da"})
    String pack;

    @Param({"1000"})
    int rules;

    private final Analyzer analyzer = RuleAnalyzer.perField();
    private Analyzer documents;
    private RuleEngine engine;
    private Monitor monitor;
    private Set<String> fieldsWithRules;
    private RuleMatchLevers.Doc[] docs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<RuleMatchLevers.Doc> texts = RuleMatchLevers.docs(
                Path.of(System.getProperty("varsel.hatexplain", "data/training/hatexplain/hatexplain_train_val.tsv")),
                Path.of(System.getProperty(
                        "varsel.dkhate", "data/training/dkhate/oe20da_data_offenseval-da-training-v1.tsv")),
                2_000);
        Set<RuleLanguage> keep =
                pack.equals("no-da") ? EnumSet.of(RuleLanguage.EN, RuleLanguage.ANY) : RuleMatchLevers.all();
        RulePack rulePack = RuleMatchLevers.pack(BundledRules.load(), rules, texts, keep);
        engine = RuleEngine.build(rulePack);
        documents = RuleAnalyzer.forDocuments(rulePack.lexicons());
        RuleQueryCompiler compiler = new RuleQueryCompiler(analyzer, new Lexicons(rulePack.lexicons()));
        List<MonitorQuery> queries = new ArrayList<>();
        fieldsWithRules = new java.util.HashSet<>();
        for (Rule r : rulePack.rules()) {
            queries.add(new MonitorQuery(
                    r.id(), compiler.compile(r.query(), r.languages()).query()));
            r.languages().forEach(l -> fieldsWithRules.add(l.field()));
        }
        monitor = new Monitor(documents, new TermFilteredPresearcher());
        monitor.register(queries);
        docs = texts.toArray(RuleMatchLevers.Doc[]::new);
        long hits = 0;
        for (RuleMatchLevers.Doc d : docs) {
            hits += engine.match(d.text(), d.language()).hits().size();
        }
        System.err.printf(
                "%n%s: %d rules, %d docs, %.3f active hits/doc, fields with rules %s%n",
                pack, rulePack.rules().size(), docs.length, (double) hits / docs.length, fieldsWithRules);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engine.close();
        monitor.close();
    }

    private RuleMatchLevers.Doc nextDoc() {
        RuleMatchLevers.Doc d = docs[next];
        next = next + 1 == docs.length ? 0 : next + 1;
        return d;
    }

    private Document document(RuleMatchLevers.Doc d, boolean onlyFieldsWithRules) {
        Document doc = new Document();
        for (RuleLanguage l : RuleEngine.fieldsFor(d.language())) {
            if (!onlyFieldsWithRules || fieldsWithRules.contains(l.field())) {
                doc.add(new TextField(l.field(), d.text(), Field.Store.NO));
            }
        }
        return doc;
    }

    /** What the pipeline calls: the engine as built (before or after the change being measured). */
    @Benchmark
    public MatchResult engine() {
        RuleMatchLevers.Doc d = nextDoc();
        return engine.match(d.text(), d.language());
    }

    /** The unoptimised path: every field for the tag, highlights for every candidate. */
    @Benchmark
    public Object reference() throws IOException {
        return monitor.match(document(nextDoc(), false), HighlightsMatch.MATCHER);
    }

    /** Lever 1: only the fields some rule is written for. */
    @Benchmark
    public Object fieldsWithRules() throws IOException {
        return monitor.match(document(nextDoc(), true), HighlightsMatch.MATCHER);
    }

    /** Lever 2, upper bound: the cheap matcher for every candidate, no highlights at all. */
    @Benchmark
    public Object simpleMatcher() throws IOException {
        return monitor.match(document(nextDoc(), false), QueryMatch.SIMPLE_MATCHER);
    }

    /** Lever 4: the obfuscation folding done once per document and replayed for each field. */
    @Benchmark
    public Object foldedOnce() throws IOException {
        RuleMatchLevers.Doc d = nextDoc();
        ObfuscationCharFilter.Folded folded = ObfuscationCharFilter.fold(d.text());
        Document doc = new Document();
        for (RuleLanguage l : RuleEngine.fieldsFor(d.language())) {
            doc.add(new TextField(l.field(), folded.reader()));
        }
        return monitor.match(doc, HighlightsMatch.MATCHER);
    }

    /** What analysis alone costs: the MemoryIndex of every field for the tag, as the monitor builds it. */
    @Benchmark
    public Object analyseOnly() {
        RuleMatchLevers.Doc d = nextDoc();
        MemoryIndex index = new MemoryIndex(true, true);
        for (RuleLanguage l : RuleEngine.fieldsFor(d.language())) {
            index.addField(l.field(), d.text(), documents);
        }
        index.freeze();
        return index;
    }

    /** Lever 3: batches of 16 documents through {@code Monitor.match(Document[], ...)}; score is documents/s. */
    @Benchmark
    @OperationsPerInvocation(16)
    public Object batch16() throws IOException {
        return batch(16, HighlightsMatch.MATCHER);
    }

    /** Lever 3: batches of 64. */
    @Benchmark
    @OperationsPerInvocation(64)
    public Object batch64() throws IOException {
        return batch(64, HighlightsMatch.MATCHER);
    }

    private <T extends QueryMatch> Object batch(int size, MatcherFactory<T> matcher) throws IOException {
        Document[] batch = new Document[size];
        for (int i = 0; i < size; i++) {
            batch[i] = document(nextDoc(), false);
        }
        return monitor.match(batch, matcher);
    }
}

package org.varsel.pipeline.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;

/**
 * Matches signal texts against a {@link RulePack}: the text is analysed into a one-document index per signal, its
 * terms pick the few rule queries that can match, and only those run ({@link PrecheckedHighlights}). Built on Lucene's
 * analysis, queries and {@code MemoryIndex}; the Monitor's query index is not used, since choosing candidates from
 * the rules' numbered terms is cheaper (docs/performance.md). Build one per pack (in a Flink operator's {@code open()}
 * and on each reload) and close it after use. Matching is safe to call from several threads.
 */
public final class RuleEngine implements AutoCloseable {

    /** Most highlighted spans reported per hit; a 1 MiB text can hold thousands. */
    static final int MAX_MATCHED_TERMS = 20;

    private final RulePack pack;
    /** The evaluated rules, numbered as the matcher numbers their queries. */
    private final List<Rule> rules = new ArrayList<>();

    private final Map<String, Rule> rulesById = new HashMap<>();
    /** The languages some evaluated rule is written for: no query reads the other fields. */
    private final Set<RuleLanguage> languagesWithRules = EnumSet.noneOf(RuleLanguage.class);

    private final SignalAnalysis analysis;
    /** Each thread's index of the signal it matches and its words, emptied for the next ({@link SignalIndex}). */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private final PrecheckedHighlights matcher;
    private final HitInterpreter interpreter;

    private RuleEngine(RulePack pack, Set<RuleStatus> evaluated, Analyzer documents) {
        this.pack = pack;
        analysis = new SignalAnalysis(documents);
        Analyzer analyzer = RuleAnalyzer.perField();
        Lexicons lexicons = new Lexicons(pack.lexicons());
        interpreter = new HitInterpreter(pack, lexicons);
        RuleQueryCompiler compiler = new RuleQueryCompiler(analyzer, lexicons);
        List<Query> queries = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (Rule rule : pack.rules()) {
            if (!evaluated.contains(rule.status())) {
                continue;
            }
            RuleQueryCompiler.Compiled compiled = compiler.compile(rule.query(), rule.languages());
            if (!compiled.ok()) {
                broken.add(rule.id() + ": " + String.join("; ", compiled.errors()));
                continue;
            }
            if (rulesById.put(rule.id(), rule) != null) {
                broken.add(rule.id() + ": duplicate rule id");
            }
            languagesWithRules.addAll(rule.languages());
            rules.add(rule);
            queries.add(compiled.query());
        }
        if (!broken.isEmpty()) {
            throw new IllegalArgumentException(
                    "rule pack " + pack.version() + " has rules that do not compile: " + String.join(" | ", broken));
        }
        matcher = new PrecheckedHighlights(queries, lexicons.namedTerms());
    }

    /**
     * An engine for the pack's {@code active} and {@code shadow} rules.
     *
     * @throws IllegalArgumentException when a rule's query does not compile (packs from {@code
     *     ./varsel rules check} always do)
     */
    public static RuleEngine build(RulePack pack) {
        return build(pack, EnumSet.of(RuleStatus.ACTIVE, RuleStatus.SHADOW));
    }

    /**
     * An engine for the rules with the given statuses; hits of rules that are not {@code active} are
     * reported as shadow hits. {@code ./varsel rules check} uses this to test disabled rules too.
     */
    public static RuleEngine build(RulePack pack, Set<RuleStatus> evaluated) {
        return new RuleEngine(pack, EnumSet.copyOf(evaluated), RuleAnalyzer.forDocuments(pack));
    }

    /**
     * An engine for the pack's {@code active} and {@code shadow} rules whose texts are analysed by {@code documents}
     * made of the pack's own document analyzer: tests add a filter that throws on a word.
     */
    static RuleEngine analysingWith(RulePack pack, UnaryOperator<Analyzer> documents) {
        return new RuleEngine(
                pack,
                EnumSet.of(RuleStatus.ACTIVE, RuleStatus.SHADOW),
                documents.apply(RuleAnalyzer.forDocuments(pack)));
    }

    /** The rule with this id in the live pack: a map look-up (the pack's own {@code rule(id)} scans every rule). */
    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(rulesById.get(id));
    }

    public RulePack pack() {
        return pack;
    }

    /**
     * Matches one signal text. With a language tag of English or Danish the text is analysed for
     * that language and for {@code any}; another tag gets only {@code any} rules; no tag gets every
     * rule, since we cannot tell which ones apply.
     *
     * <p>Cheaper than it reads, with the same results (docs/performance.md, "Rule matching: measured
     * levers"): a field no rule is written for is not analysed, the obfuscation folding is done once
     * for all fields, fields that share their chain are analysed once ({@link SignalAnalysis}), and
     * candidates that lack a required word skip the highlighting matcher.
     */
    public MatchResult match(String text, Optional<String> language) {
        if (text == null || text.isEmpty()) {
            return MatchResult.NONE;
        }
        Set<RuleLanguage> fields = fieldsFor(language);
        fields.retainAll(languagesWithRules);
        if (fields.isEmpty()) {
            return MatchResult.NONE;
        }
        ObfuscationCharFilter.Folded folded = ObfuscationCharFilter.fold(text);
        Scratch thread = scratch.get();
        MemoryIndex index = thread.index;
        AnalysedWords words = thread.words;
        words.clear();
        Map<Integer, List<int[]>> matches;
        try {
            analysis.into(index, words, fields, folded);
            index.freeze();
            matches = matcher.match(
                    index.createSearcher().getIndexReader().leaves().get(0).reader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // emptied for the thread's next signal, keeping its buffers; nothing matched refers to the index
            index.reset();
        }
        List<RuleHit> hits = new ArrayList<>();
        List<RuleHit> shadowHits = new ArrayList<>();
        HitInterpreter.Text interpreted = interpreter.of(text, words::tokens);
        for (Map.Entry<Integer, List<int[]>> m : matches.entrySet()) {
            Rule rule = rules.get(m.getKey());
            RuleHit hit = interpreted.hit(rule, matchedTerms(text, m.getValue()), fields);
            (rule.status() == RuleStatus.ACTIVE ? hits : shadowHits).add(hit);
        }
        Comparator<RuleHit> order =
                Comparator.comparingInt(RuleHit::severity).reversed().thenComparing(RuleHit::ruleId);
        hits.sort(order);
        shadowHits.sort(order);
        return new MatchResult(hits, shadowHits);
    }

    /** What one thread reuses from signal to signal: one look-up of a thread-local instead of two. */
    private static final class Scratch {
        final MemoryIndex index = SignalIndex.create();
        final AnalysedWords words = new AnalysedWords();
    }

    /** Matches a text of unknown language. */
    public MatchResult match(String text) {
        return match(text, Optional.empty());
    }

    /**
     * The fields a signal with this language tag is analysed for: its language's and {@code any}; no tag, every
     * field. Norwegian, Swedish and undetermined ({@code und}) text also gets the Danish field, because the language
     * identifier takes short Danish texts for these often enough (10.5 % of Danish comments) that Danish rules would
     * otherwise be skipped; Danish rules are written to need Danish words, so they rarely fire on the neighbours.
     */
    static Set<RuleLanguage> fieldsFor(Optional<String> language) {
        if (language.isEmpty() || language.get().isBlank()) {
            return EnumSet.allOf(RuleLanguage.class);
        }
        Set<RuleLanguage> fields = EnumSet.of(RuleLanguage.ANY);
        RuleLanguage.ofDocumentTag(language.get()).ifPresent(fields::add);
        if (RuleLanguage.isScandinavianFallback(language.get())) {
            fields.add(RuleLanguage.DA);
        }
        return fields;
    }

    /** Distinct spans over all fields, in text order; the same words analysed twice give one span. */
    private static List<MatchedTerm> matchedTerms(String text, List<int[]> offsets) {
        TreeSet<long[]> spans =
                new TreeSet<>(Comparator.<long[]>comparingLong(s -> s[0]).thenComparingLong(s -> s[1]));
        for (int[] h : offsets) {
            int start = Math.max(0, Math.min(h[0], text.length()));
            int end = Math.max(start, Math.min(h[1], text.length()));
            if (end > start) {
                spans.add(new long[] {start, end});
            }
        }
        List<MatchedTerm> terms = new ArrayList<>();
        for (long[] s : spans) {
            if (terms.size() == MAX_MATCHED_TERMS) {
                break;
            }
            terms.add(new MatchedTerm(text.substring((int) s[0], (int) s[1]), (int) s[0], (int) s[1]));
        }
        return terms;
    }

    /** Nothing to release since the engine holds no Lucene index of its rules; kept so callers need not change. */
    @Override
    public void close() {}
}

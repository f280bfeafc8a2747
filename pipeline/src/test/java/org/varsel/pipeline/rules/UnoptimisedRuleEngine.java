package org.varsel.pipeline.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;

/**
 * The rule engine as it was before matching was made cheaper, kept as the oracle for {@link
 * RuleEngineEquivalenceTest}: every field the language tag names is analysed (whether or not a rule is written for
 * it), each document is analysed by the monitor's own per-field analyzer (every word through every filter, nothing
 * remembered), the monitor's presearcher picks the candidates, and every candidate runs with {@link
 * HighlightsMatch#MATCHER}. Do not optimise this class.
 */
final class UnoptimisedRuleEngine implements AutoCloseable {

    /** From this many rules on, the engine of the time used the multipass presearcher. */
    private static final int MULTIPASS_FROM_RULES = 5_000;

    private final RulePack pack;
    private final Map<String, Rule> rulesById = new HashMap<>();
    private final Monitor monitor;
    private final HitInterpreter interpreter;
    /** The analysis the reference reads lexicon entries from: its own, as the engine's interpreter had one. */
    private final Analyzer interpretation;

    UnoptimisedRuleEngine(RulePack pack) {
        this.pack = pack;
        interpretation = RuleAnalyzer.perField(true, false, pack.lexicons(), AsWritten.wordsIn(pack));
        Analyzer analyzer = RuleAnalyzer.perField();
        Lexicons lexicons = new Lexicons(pack.lexicons());
        interpreter = new HitInterpreter(pack, lexicons);
        RuleQueryCompiler compiler = new RuleQueryCompiler(analyzer, lexicons);
        List<MonitorQuery> queries = new ArrayList<>();
        for (Rule rule : pack.rules()) {
            if (rule.status() == RuleStatus.DISABLED) {
                continue;
            }
            RuleQueryCompiler.Compiled compiled = compiler.compile(rule.query(), rule.languages());
            if (!compiled.ok()) {
                throw new IllegalArgumentException(rule.id() + ": " + compiled.errors());
            }
            rulesById.put(rule.id(), rule);
            queries.add(new MonitorQuery(rule.id(), compiled.query()));
        }
        try {
            monitor = new Monitor(
                    RuleAnalyzer.perField(true, false, pack.lexicons(), AsWritten.wordsIn(pack)),
                    queries.size() >= MULTIPASS_FROM_RULES
                            ? new MultipassTermFilteredPresearcher(2)
                            : new TermFilteredPresearcher());
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MatchResult match(String text, Optional<String> language) {
        if (text == null || text.isEmpty()) {
            return MatchResult.NONE;
        }
        Document doc = new Document();
        List<RuleLanguage> fields = unoptimisedFieldsFor(language);
        for (RuleLanguage l : fields) {
            doc.add(new TextField(l.field(), text, Field.Store.NO));
        }
        MatchingQueries<HighlightsMatch> matches;
        try {
            matches = monitor.match(doc, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RuleHit> hits = new ArrayList<>();
        List<RuleHit> shadowHits = new ArrayList<>();
        // the reference analyses the text a second time for the lexicon entries, as the engine did before AnalysedWords
        HitInterpreter.Text interpreted = interpreter.of(text, field -> Lexicons.analyse(interpretation, field, text));
        for (HighlightsMatch m : matches.getMatches()) {
            Rule rule = rulesById.get(m.getQueryId());
            List<MatchedTerm> terms = matchedTerms(text, m.getHits().values());
            RuleHit hit = interpreted.hit(rule, terms, EnumSet.copyOf(fields));
            (rule.status() == RuleStatus.ACTIVE ? hits : shadowHits).add(hit);
        }
        Comparator<RuleHit> order =
                Comparator.comparingInt(RuleHit::severity).reversed().thenComparing(RuleHit::ruleId);
        hits.sort(order);
        shadowHits.sort(order);
        return new MatchResult(hits, shadowHits);
    }

    /**
     * The fields before the change: all three without a tag, the tag's language and {@code any} with one. Semantics
     * changed on purpose since (issue 16): Norwegian, Swedish and {@code und} tags also get the Danish field.
     */
    static List<RuleLanguage> unoptimisedFieldsFor(Optional<String> language) {
        if (language.isEmpty() || language.get().isBlank()) {
            return List.of(RuleLanguage.values());
        }
        List<RuleLanguage> fields = new ArrayList<>();
        RuleLanguage.ofDocumentTag(language.get()).ifPresent(fields::add);
        if (RuleLanguage.isScandinavianFallback(language.get())) {
            fields.add(RuleLanguage.DA);
        }
        fields.add(RuleLanguage.ANY);
        return fields;
    }

    private static List<MatchedTerm> matchedTerms(String text, Collection<Set<HighlightsMatch.Hit>> perField) {
        TreeSet<long[]> spans =
                new TreeSet<>(Comparator.<long[]>comparingLong(s -> s[0]).thenComparingLong(s -> s[1]));
        for (Set<HighlightsMatch.Hit> hits : perField) {
            for (HighlightsMatch.Hit h : hits) {
                int start = Math.max(0, Math.min(h.startOffset, text.length()));
                int end = Math.max(start, Math.min(h.endOffset, text.length()));
                if (end > start) {
                    spans.add(new long[] {start, end});
                }
            }
        }
        List<MatchedTerm> terms = new ArrayList<>();
        for (long[] s : spans) {
            if (terms.size() == RuleEngine.MAX_MATCHED_TERMS) {
                break;
            }
            terms.add(new MatchedTerm(text.substring((int) s[0], (int) s[1]), (int) s[0], (int) s[1]));
        }
        return terms;
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

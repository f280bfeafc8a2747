package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.Query;

/**
 * The baseline the {@link RuleEngine} is measured and tested against: every rule's query run over
 * a {@link MemoryIndex} of the text, no presearcher. Same analysis, so the same rules match; far
 * slower with many rules. For benchmarks and tests, not for the pipeline. A query runs part by part, as the Monitor
 * and the engine run it ({@link QueryDecomposer}), because Lucene's clause limit binds each part, not the whole rule.
 */
public final class NaiveRuleMatcher {

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
        Set<String> ids = new TreeSet<>();
        if (text == null || text.isEmpty()) {
            return ids;
        }
        MemoryIndex index = new MemoryIndex(false, false);
        for (RuleLanguage l : RuleEngine.fieldsFor(language)) {
            index.addField(l.field(), text, documents);
        }
        for (Compiled r : rules) {
            if (r.parts().stream().anyMatch(part -> index.search(part) > 0)) {
                ids.add(r.id());
            }
        }
        return ids;
    }
}

package org.varsel.bench.wordnet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.Lexicon;
import org.varsel.pipeline.rules.Rule;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RuleHit;
import org.varsel.pipeline.rules.RuleLanguage;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.rules.RuleStatus;

/**
 * Which English lexicons of a rules directory find a word, through the rules' own analysis (stemming, folding): a
 * WordNet word the analysis folds onto a listed form ("garrotted" onto "garrote") counts as found.
 */
final class LexiconCoverage implements AutoCloseable {
    private static final String PREFIX = "lexicon-";

    private final RuleEngine engine;

    private LexiconCoverage(RuleEngine engine) {
        this.engine = engine;
    }

    static LexiconCoverage of(Path rulesDirectory) {
        List<Lexicon> english = BundledRules.fromDirectory(rulesDirectory).lexicons().stream()
                .filter(l -> l.language() == RuleLanguage.EN)
                .toList();
        List<Rule> rules = new ArrayList<>();
        for (Lexicon lexicon : english) {
            rules.add(new Rule(
                    PREFIX + lexicon.name().replace('_', '-'),
                    lexicon.name(),
                    "",
                    "@" + lexicon.name(),
                    List.of(RuleLanguage.EN),
                    "incitement",
                    List.of(),
                    1,
                    Tlp.GREEN,
                    RuleStatus.ACTIVE,
                    "bench",
                    List.of(),
                    null));
        }
        return new LexiconCoverage(RuleEngine.build(RulePack.of("wordnet-coverage", rules, english)));
    }

    /** The names of the lexicons that find {@code words} as an English text, sorted. */
    List<String> lexiconsFinding(String words) {
        return engine.match(words, Optional.of("en")).hits().stream()
                .map(RuleHit::ruleId)
                .map(id -> id.substring(PREFIX.length()).replace('-', '_'))
                .sorted()
                .distinct()
                .toList();
    }

    @Override
    public void close() {
        engine.close();
    }
}

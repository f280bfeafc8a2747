package org.varsel.pipeline.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;

/**
 * The gate every rule pack passes before it goes live: parses every rule file, validates the
 * fields, refuses dangerous queries and runs every example against its rule. {@code ./varsel rules
 * check} prints the report; the build runs it over {@code rules/}.
 */
public final class RuleCheck {

    private RuleCheck() {}

    /** The outcome: the pack (only when there are no errors), problems in file order, counts. */
    public record Report(Optional<RulePack> pack, List<RuleProblem> problems, int rules, int examplesRun) {

        public Report {
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.stream().noneMatch(RuleProblem::isError);
        }

        public List<RuleProblem> errors() {
            return problems.stream().filter(RuleProblem::isError).toList();
        }

        /** One line for the end of a check run. */
        public String summary() {
            long errors = errors().size();
            return String.format(
                    "%d rules, %d examples run, %d errors, %d warnings: %s",
                    rules, examplesRun, errors, problems.size() - errors, passed() ? "OK" : "FAILED");
        }
    }

    /** Checks the rule files under {@code dir}; the pack is named after the directory. */
    public static Report run(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return run(dir, name == null ? "rules" : name.toString());
    }

    /** Checks the rule files under {@code dir} and names the pack {@code packName}. */
    public static Report run(Path dir, String packName) {
        RuleFiles.Loaded loaded = RuleFiles.load(dir);
        List<RuleProblem> problems = new ArrayList<>(loaded.problems());
        Analyzer analyzer = RuleAnalyzer.perField();
        List<Lexicon> lexiconList = loaded.lexicons().stream()
                .map(LexiconFiles.SourcedLexicon::lexicon)
                .toList();
        Lexicons lexicons = new Lexicons(lexiconList);
        int lexiconExamplesRun = LexiconCheck.run(loaded.lexicons(), lexicons, analyzer, problems);
        RuleQueryCompiler compiler = new RuleQueryCompiler(analyzer, lexicons);
        List<RuleFiles.SourcedRule> compiled = new ArrayList<>();
        for (RuleFiles.SourcedRule r : loaded.rules()) {
            RuleQueryCompiler.Compiled c =
                    compiler.compile(r.rule().query(), r.rule().languages());
            int line = r.line("query");
            c.errors().forEach(e -> problems.add(RuleProblem.error(r.file(), line, "query: " + e)));
            c.warnings().forEach(w -> problems.add(RuleProblem.warning(r.file(), line, "query: " + w)));
            boolean firstWithItsId = compiled.stream()
                    .noneMatch(x -> x.rule().id().equals(r.rule().id()));
            if (c.ok() && firstWithItsId) {
                compiled.add(r);
            }
        }
        int examplesRun = lexiconExamplesRun + runExamples(compiled, lexiconList, problems);
        problems.sort(
                Comparator.comparing((RuleProblem p) -> p.file().toString()).thenComparingInt(RuleProblem::line));
        boolean passed = problems.stream().noneMatch(RuleProblem::isError);
        Optional<RulePack> pack = passed
                ? Optional.of(RulePack.of(
                        packName,
                        loaded.rules().stream().map(RuleFiles.SourcedRule::rule).toList(),
                        lexiconList))
                : Optional.empty();
        return new Report(pack, problems, loaded.rules().size(), examplesRun);
    }

    private static int runExamples(
            List<RuleFiles.SourcedRule> rules, List<Lexicon> lexicons, List<RuleProblem> problems) {
        RulePack candidates = RulePack.of(
                "check", rules.stream().map(RuleFiles.SourcedRule::rule).toList(), lexicons);
        int run = 0;
        try (RuleEngine engine = RuleEngine.build(candidates, EnumSet.allOf(RuleStatus.class))) {
            for (RuleFiles.SourcedRule r : rules) {
                Rule rule = r.rule();
                List<String> match = rule.examples().match();
                for (int i = 0; i < match.size(); i++, run++) {
                    Optional<RuleHit> hit = hitInAnyLanguage(engine, rule, match.get(i));
                    if (hit.isEmpty()) {
                        problems.add(RuleProblem.error(
                                r.file(),
                                r.line("examples/match/" + i),
                                "rule '" + rule.id() + "' must match example: " + abbreviate(match.get(i))));
                    } else if (hit.get().reportedSpeech()) {
                        problems.add(RuleProblem.error(
                                r.file(),
                                r.line("examples/match/" + i),
                                "rule '" + rule.id()
                                        + "' matches example only as reported or counter-speech (a counter-speech"
                                        + " lexicon entry is in it); move it to 'reported' or reword it: "
                                        + abbreviate(match.get(i))));
                    }
                }
                List<String> reported = rule.examples().reported();
                for (int i = 0; i < reported.size(); i++, run++) {
                    Optional<RuleHit> hit = hitInAnyLanguage(engine, rule, reported.get(i));
                    if (hit.isEmpty() || !hit.get().reportedSpeech()) {
                        problems.add(RuleProblem.error(
                                r.file(),
                                r.line("examples/reported/" + i),
                                "rule '" + rule.id() + "' must match example as reported or counter-speech (it "
                                        + (hit.isEmpty() ? "did not match" : "matched without a counter-speech context")
                                        + "): "
                                        + abbreviate(reported.get(i))));
                    }
                }
                List<String> noMatch = rule.examples().noMatch();
                for (int i = 0; i < noMatch.size(); i++, run++) {
                    Optional<RuleHit> hit = hitInAnyLanguage(engine, rule, noMatch.get(i));
                    if (hit.isPresent()) {
                        problems.add(RuleProblem.error(
                                r.file(),
                                r.line("examples/no_match/" + i),
                                "rule '" + rule.id() + "' must not match example (it matched "
                                        + hit.get().matchedTerms().stream()
                                                .map(t -> "\"" + t.text() + "\"")
                                                .toList()
                                        + "): " + abbreviate(noMatch.get(i))));
                    }
                }
            }
        }
        return run;
    }

    /** Examples are run as signals tagged with each of the rule's languages in turn. */
    private static Optional<RuleHit> hitInAnyLanguage(RuleEngine engine, Rule rule, String text) {
        for (RuleLanguage language : rule.languages()) {
            String tag = language == RuleLanguage.ANY ? "und" : language.code();
            MatchResult result = engine.match(text, Optional.of(tag));
            Optional<RuleHit> hit = java.util.stream.Stream.concat(result.hits().stream(), result.shadowHits().stream())
                    .filter(h -> h.ruleId().equals(rule.id()))
                    .findFirst();
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 100 ? "\"" + flat + "\"" : "\"" + flat.substring(0, 100) + "...\"";
    }
}

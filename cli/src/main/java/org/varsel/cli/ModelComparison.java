package org.varsel.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.classify.ModelEvaluation;
import org.varsel.pipeline.classify.TrainingCorpus;
import org.varsel.pipeline.functional.Expectation;
import org.varsel.pipeline.functional.FlaggingPath;
import org.varsel.pipeline.functional.FunctionalSuite;
import org.varsel.pipeline.functional.SuiteEvaluation;
import org.varsel.pipeline.rules.BundledRules;

/** A model measured on the held-out sets and the functional suite, and two such measures side by side (before → after). */
record ModelComparison(String modelVersion, ModelEvaluation heldOut, SuiteEvaluation suite) {

    /** The suite through the real flagging path: language identification, {@code classifier} and the rules in {@code rules}. */
    static SuiteEvaluation judge(
            FunctionalSuite cases, HarmClassifier classifier, Path rules, Consumer<String> progress) {
        try (FlaggingPath path = FlaggingPath.of(classifier, BundledRules.fromDirectory(rules))) {
            return SuiteEvaluation.run(cases, path, progress);
        }
    }

    static ModelComparison measure(
            HarmClassifier classifier,
            TrainingCorpus corpus,
            FunctionalSuite cases,
            Path rules,
            Consumer<String> progress) {
        return new ModelComparison(
                classifier.modelVersion(),
                ModelEvaluation.evaluate(classifier, corpus),
                judge(cases, classifier, rules, progress));
    }

    /** Markdown: macro-F1 per held-out set (the analysts' verdicts among them) and the suite's flag rates per language. */
    static String toMarkdown(ModelComparison before, ModelComparison after) {
        StringBuilder md = new StringBuilder();
        md.append("## Before and after the analysts' verdicts\n\n")
                .append("Before: `")
                .append(before.modelVersion)
                .append("`; after: `")
                .append(after.modelVersion)
                .append(
                        "` (trained with the verdicts). Held-out sets: macro-F1 (support). Functional suite: share of cases flagged.\n\n")
                .append("| measure | before | after |\n|---|---:|---:|\n");
        for (ModelEvaluation.HeldOutResult result : after.heldOut.results()) {
            ModelEvaluation.HeldOutResult earlier = before.heldOut.results().stream()
                    .filter(r -> r.name().equals(result.name()))
                    .findFirst()
                    .orElseThrow();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s: macro-F1 (%d) | %.3f | %.3f |%n",
                    result.name(),
                    result.matrix().total(),
                    earlier.matrix().macroF1(),
                    result.matrix().macroF1()));
        }
        for (String language : List.of("en", "da")) {
            for (Expectation expected : Expectation.values()) {
                SuiteEvaluation.Tally was =
                        before.suite.tally(c -> c.language().equals(language) && c.expected() == expected);
                SuiteEvaluation.Tally is =
                        after.suite.tally(c -> c.language().equals(language) && c.expected() == expected);
                if (is.cases() > 0) {
                    md.append(String.format(
                            Locale.ROOT,
                            "| suite %s, %s (%d cases): flagged | %.2f | %.2f |%n",
                            language,
                            expected == Expectation.FLAG ? "to flag" : "contrasts",
                            is.cases(),
                            was.flagRate(),
                            is.flagRate()));
                }
            }
        }
        return md.toString();
    }
}

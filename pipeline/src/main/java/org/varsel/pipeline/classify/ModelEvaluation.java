package org.varsel.pipeline.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Scores a classifier on the held-out posts of each training source and writes the Markdown report. */
public final class ModelEvaluation {

    private static final List<String> LABELS =
            List.of(Category.HATEFUL.label(), Category.OFFENSIVE.label(), Category.NEUTRAL.label());
    private static final List<String> ALL_LABELS = List.of(
            Category.THREAT.label(), Category.HATEFUL.label(), Category.OFFENSIVE.label(), Category.NEUTRAL.label());
    private static final List<String> DANISH_LABELS = List.of("OFF", "NOT");
    private static final List<String> STORMFRONT_LABELS = List.of("hate", "noHate");
    private static final Set<Category> ANY_HARM = EnumSet.of(Category.THREAT, Category.HATEFUL, Category.OFFENSIVE);
    private static final Set<Category> HATE = EnumSet.of(Category.THREAT, Category.HATEFUL);

    /** One held-out set: what it is and the classifier's confusion matrix on it. */
    public record HeldOutResult(String name, String description, ConfusionMatrix matrix) {}

    /** A probability's calibration on one held-out set. */
    public record Calibration(String name, String description, Reliability reliability) {}

    private final String modelVersion;
    private final List<HeldOutResult> results;
    private final List<Calibration> calibrations;

    private ModelEvaluation(String modelVersion, List<HeldOutResult> results, List<Calibration> calibrations) {
        this.modelVersion = modelVersion;
        this.results = List.copyOf(results);
        this.calibrations = List.copyOf(calibrations);
    }

    public static ModelEvaluation evaluate(HarmClassifier classifier, TrainingCorpus corpus) {
        List<HeldOutResult> results = new ArrayList<>();
        results.add(new HeldOutResult(
                "hatexplain-val",
                "HateXplain validation split (never trained on)",
                threeWay(classifier, corpus.heldOut(TrainingCorpus.HATEXPLAIN))));
        results.add(new HeldOutResult(
                "davidson-heldout",
                "Davidson et al. 2017, held-out slice",
                threeWay(classifier, corpus.heldOut(TrainingCorpus.DAVIDSON))));
        results.add(new HeldOutResult(
                "dkhate-heldout",
                "DKHate (Danish), held-out slice of the train file, three-way",
                threeWay(classifier, corpus.heldOut(TrainingCorpus.DKHATE))));
        results.add(new HeldOutResult(
                "dkhate-heldout-off-not",
                "DKHate (Danish), held-out slice: OFF = hateful or offensive, NOT = neutral",
                binary(classifier, corpus.heldOut(TrainingCorpus.DKHATE), DANISH_LABELS, ANY_HARM)));
        results.add(new HeldOutResult(
                "stormfront-heldout",
                "Stormfront forum sentences (de Gibert et al. 2018), held-out forum posts: hate = a predicted threat or hateful",
                binary(classifier, corpus.heldOut(TrainingCorpus.STORMFRONT), STORMFRONT_LABELS, HATE)));
        results.add(new HeldOutResult(
                "jigsaw-heldout",
                "Jigsaw Wikipedia talk comments, held-out slice of the sample: threat, identity hate → hateful, other toxicity → offensive",
                fourWay(classifier, corpus.heldOut(TrainingCorpus.JIGSAW))));
        results.add(new HeldOutResult(
                "synthetic-heldout",
                "The project's own templates (threats, dehumanisation, abuse, contrasts; en + da), held-out templates only",
                fourWay(classifier, corpus.heldOut(TrainingCorpus.SYNTHETIC))));
        List<LabelledPost> verdicts = corpus.heldOut(TrainingCorpus.VERDICTS);
        if (!verdicts.isEmpty()) {
            results.add(new HeldOutResult(
                    "verdicts-heldout",
                    "Analysts' verdicts from the desk (model train --with-verdicts), held-out slice",
                    fourWay(classifier, verdicts)));
        }
        List<Calibration> calibrations = List.of(
                new Calibration(
                        "hatexplain-val: P(threat) + P(hateful) against gold hateful",
                        "HateXplain validation; a threat counts as hateful there",
                        reliability(
                                classifier,
                                corpus.heldOut(TrainingCorpus.HATEXPLAIN),
                                List.of(Category.THREAT, Category.HATEFUL))),
                new Calibration(
                        "dkhate-heldout: 1 − P(neutral) against gold OFF",
                        "DKHate held-out slice",
                        reliability(
                                classifier,
                                corpus.heldOut(TrainingCorpus.DKHATE),
                                List.of(Category.THREAT, Category.HATEFUL, Category.OFFENSIVE))),
                new Calibration(
                        "synthetic-heldout: P(threat) against gold threat",
                        "held-out synthetic templates",
                        reliability(classifier, corpus.heldOut(TrainingCorpus.SYNTHETIC), List.of(Category.THREAT))));
        return new ModelEvaluation(classifier.modelVersion(), results, calibrations);
    }

    public List<HeldOutResult> results() {
        return results;
    }

    public ConfusionMatrix matrix(String name) {
        return results.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no held-out set " + name))
                .matrix();
    }

    /**
     * The figures of the model this one replaces ({@code baseline-evaluation.tsv} in the data directory:
     * held-out set, metric, value; {@code # before:} lines describe that model), for the report's before/after table.
     */
    public record Baseline(List<String> description, List<BaselineFigure> figures) {
        /** The file name under the data directory. */
        public static final String FILE = "baseline-evaluation.tsv";

        public static Baseline read(Path dataDir) throws IOException {
            Path file = dataDir.resolve(FILE);
            if (!Files.exists(file)) {
                return new Baseline(List.of(), List.of());
            }
            List<String> description = new ArrayList<>();
            List<BaselineFigure> figures = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (line.startsWith("# before:")) {
                    description.add(line.substring("# before:".length()).strip());
                } else if (!line.startsWith("#") && f.length == 3) {
                    figures.add(new BaselineFigure(f[0], f[1], Double.parseDouble(f[2])));
                }
            }
            return new Baseline(description, figures);
        }
    }

    /** One figure of the replaced model: {@code metric} is {@code macro-F1} or a label whose F1 it is. */
    public record BaselineFigure(String set, String metric, double value) {}

    /** The report, deterministic for a given model and data so that it can be committed and diffed. */
    public String toMarkdown(
            TrainingOptions options, Map<String, Map<Category, Integer>> trainingCounts, Baseline baseline) {
        StringBuilder out = new StringBuilder();
        out.append("# Classifier evaluation: ").append(modelVersion).append("\n\n");
        out.append("Generated by `./varsel model train`; do not edit by hand.\n\n");
        if (options != null) {
            out.append("Training options: `").append(options).append("`\n\n");
        }
        if (trainingCounts != null && !trainingCounts.isEmpty()) {
            out.append("Training posts (after down-sampling and repeats): ")
                    .append(trainingCounts)
                    .append("\n\n");
        }
        if (!baseline.figures().isEmpty()) {
            out.append("## Before and after\n\n")
                    .append(String.join(" ", baseline.description()))
                    .append("\n\n| held-out set | metric | before | after | change |\n|---|---|---:|---:|---:|\n");
            for (BaselineFigure b : baseline.figures()) {
                ConfusionMatrix m = matrix(b.set());
                double after = b.metric().equals("macro-F1") ? m.macroF1() : m.f1(b.metric());
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.3f | %.3f | %+.3f |%n",
                        b.set(),
                        b.metric().equals("macro-F1") ? "macro-F1" : b.metric() + " F1",
                        b.value(),
                        after,
                        after - b.value()));
            }
            out.append(
                            "\nThis model saw: the training posts counted above, from the training slices of its sources and the ")
                    .append(
                            "project's synthetic templates that are not held out (docs/nlp.md). Neither model saw any held-out ")
                    .append(
                            "post below, nor HateCheck/Multilingual HateCheck or the test splits of OLID/OffensEval, HateXplain ")
                    .append("or DKHate.\n\n## Held-out sets\n\n");
        }
        out.append(
                        "On the three-way sets a predicted threat counts as hateful (their annotators label threats against ")
                .append(
                        "groups as hate speech); on DKHate any predicted harm counts as OFF; on Stormfront a predicted threat or ")
                .append("hateful counts as hate.\n\n");
        out.append(
                "| held-out set | posts | macro-F1 | threat F1 | hateful F1 | offensive F1 | neutral F1 | accuracy |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (HeldOutResult r : results) {
            ConfusionMatrix m = r.matrix();
            if (m.labels().size() == 2) {
                String harm = m.labels().get(0);
                String none = m.labels().get(1);
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.3f | | %s F1 %.3f | | %s F1 %.3f | %.3f |%n",
                        r.name(),
                        m.total(),
                        m.macroF1(),
                        harm,
                        m.f1(harm),
                        none,
                        m.f1(none),
                        m.accuracy()));
            } else {
                String threat = m.labels().contains("threat") ? String.format(Locale.ROOT, "%.3f", m.f1("threat")) : "";
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.3f | %s | %.3f | %.3f | %.3f | %.3f |%n",
                        r.name(),
                        m.total(),
                        m.macroF1(),
                        threat,
                        m.f1("hateful"),
                        m.f1("offensive"),
                        m.f1("neutral"),
                        m.accuracy()));
            }
        }
        for (HeldOutResult r : results) {
            section(out, "##", r.name(), r.description(), r.matrix().toMarkdown());
        }
        out.append("\n## Calibration\n\nReliability of the model's probabilities on held-out posts (ten bins).\n");
        for (Calibration c : calibrations) {
            section(out, "###", c.name(), c.description(), c.reliability().toMarkdown());
        }
        return out.toString();
    }

    private static ConfusionMatrix threeWay(HarmClassifier classifier, List<LabelledPost> posts) {
        ConfusionMatrix m = new ConfusionMatrix(LABELS);
        for (LabelledPost p : posts) {
            Category predicted = classifier.classify(p.text()).category();
            m.add(p.category().label(), (predicted == Category.THREAT ? Category.HATEFUL : predicted).label());
        }
        return m;
    }

    private static ConfusionMatrix fourWay(HarmClassifier classifier, List<LabelledPost> posts) {
        ConfusionMatrix m = new ConfusionMatrix(ALL_LABELS);
        for (LabelledPost p : posts) {
            m.add(p.category().label(), classifier.classify(p.text()).category().label());
        }
        return m;
    }

    /** Calibration of the summed probability of {@code positive} against the gold label being one of them. */
    private static Reliability reliability(
            HarmClassifier classifier, List<LabelledPost> posts, List<Category> positive) {
        Reliability r = new Reliability();
        for (LabelledPost p : posts) {
            Classification c = classifier.classify(p.text());
            r.add(positive.stream().mapToDouble(c::score).sum(), positive.contains(p.category()));
        }
        return r;
    }

    /** Two-way: gold {@code labels[0]} for any harm, predicted {@code labels[0]} when the category is in {@code harm}. */
    private static ConfusionMatrix binary(
            HarmClassifier classifier, List<LabelledPost> posts, List<String> labels, Set<Category> harm) {
        ConfusionMatrix m = new ConfusionMatrix(labels);
        for (LabelledPost p : posts) {
            String gold = labels.get(p.category() == Category.NEUTRAL ? 1 : 0);
            String predicted =
                    labels.get(harm.contains(classifier.classify(p.text()).category()) ? 0 : 1);
            m.add(gold, predicted);
        }
        return m;
    }

    private static void section(StringBuilder out, String heading, String name, String description, String table) {
        out.append('\n')
                .append(heading)
                .append(' ')
                .append(name)
                .append("\n\n")
                .append(description)
                .append(".\n\n")
                .append(table);
    }
}

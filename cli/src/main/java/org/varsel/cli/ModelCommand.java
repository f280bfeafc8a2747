package org.varsel.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import opennlp.tools.doccat.DoccatModel;
import org.varsel.contract.Tlp;
import org.varsel.desk.db.Database;
import org.varsel.desk.triage.Verdicts;
import org.varsel.pipeline.classify.CrossSourceEvaluation;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.classify.HarmFeatures;
import org.varsel.pipeline.classify.KnownWords;
import org.varsel.pipeline.classify.ModelEvaluation;
import org.varsel.pipeline.classify.ModelTrainer;
import org.varsel.pipeline.classify.TargetedHarmFeatures;
import org.varsel.pipeline.classify.TrainedModel;
import org.varsel.pipeline.classify.TrainingCorpus;
import org.varsel.pipeline.classify.TrainingOptions;
import org.varsel.pipeline.classify.VerdictPosts;
import org.varsel.pipeline.functional.FunctionalSuite;
import org.varsel.pipeline.functional.SuiteEvaluation;
import org.varsel.pipeline.functional.SuiteFloors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./varsel model}: trains and evaluates the threat/hateful/offensive/neutral classifier. */
@Command(
        name = "model",
        description =
                "Train the threat/hateful/offensive/neutral classifier and evaluate the flagging path on the functional suite.",
        subcommands = {ModelCommand.Train.class, ModelCommand.Evaluate.class})
public final class ModelCommand extends CommandGroup {

    /** The part of docs/model-evaluation.md that {@code model train} writes. */
    static final ReportSection HELD_OUT_SECTION = new ReportSection("held-out");
    /** The part of docs/model-evaluation.md that {@code model evaluate} writes. */
    static final ReportSection SUITE_SECTION = new ReportSection("functional-suite");
    /** The part of docs/model-evaluation.md that {@code model train --cross-source} writes. */
    static final ReportSection CROSS_SOURCE_SECTION = new ReportSection("cross-source");

    /** {@code ./varsel model train}. */
    @Command(
            name = "train",
            description =
                    "Rebuild the classifier from the annotated data in the repository (Davidson, HateXplain train, "
                            + "DKHate, Stormfront, the project's own synthetic threat and counter-speech templates), reproducibly (fixed seed, hash-based splits), "
                            + "evaluate it on the held-out splits of each source and write the report. Takes about 1-2 min on one core; "
                            + "progress goes to stderr.",
            footer = {
                "",
                "With --with-verdicts FILE (the desk's GET /api/v1/training-data export) or --verdicts-from-desk (the same, read "
                        + "from the desk's database): the analysts' verdicts join the training data (confirmed: the signal's category; "
                        + "dismissed: neutral), 20 %% of them held out to measure the model against the analysts. Only verdicts marked "
                        + "at most --verdicts-max-tlp are used (default GREEN; RED and AMBER+STRICT never, and the export never holds "
                        + "them). The model then holds partners' text, so --model and --report must be named (not the bundled model "
                        + "or docs/model-evaluation.md, which are published with the code). Prints the model before (the file at "
                        + "--model, else the bundled one) and after on the held-out sets and the functional suite (--suite, --rules)."
            })
    static final class Train implements Callable<Integer> {
        /** The slice of the verdicts measured, never trained on. */
        static final double VERDICTS_HELD_OUT = 0.2;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        ModelFiles files;

        @Option(
                names = "--model",
                defaultValue = "${sys:varsel.home:-.}/pipeline/src/main/resources/models/varsel-doccat.bin",
                description = "Where to write the model (the pipeline ships this file). Default: ${DEFAULT-VALUE}")
        Path model;

        @Option(
                names = "--known-words",
                defaultValue = "${sys:varsel.home:-.}/pipeline/src/main/resources/classify/known-words.txt",
                description =
                        "The words real training posts use, which obfuscation repair leaves alone; rewritten when the "
                                + "data changed (then rebuild and run again). Default: ${DEFAULT-VALUE}")
        Path knownWords;

        @Option(
                names = "--seed",
                description = "Seed of the held-out slices and down-sampling. Default: ${DEFAULT-VALUE}")
        long seed = TrainingOptions.defaults().seed();

        @Option(names = "--algorithm", description = "MAXENT (GIS) or MAXENT_QN (L-BFGS). Default: ${DEFAULT-VALUE}")
        String algorithm = TrainingOptions.defaults().algorithm();

        @Option(names = "--iterations", description = "Training iterations. Default: ${DEFAULT-VALUE}")
        int iterations = TrainingOptions.defaults().iterations();

        @Option(names = "--cutoff", description = "Drop features seen fewer times. Default: ${DEFAULT-VALUE}")
        int cutoff = TrainingOptions.defaults().cutoff();

        @Option(names = "--l2", description = "L2 regularisation (MAXENT_QN). Default: ${DEFAULT-VALUE}")
        double l2 = TrainingOptions.defaults().l2Cost();

        @Option(
                names = "--hatexplain-kept",
                description = "Share of HateXplain's training posts trained on (0-1). Default: ${DEFAULT-VALUE}")
        double hatexplainKept = TrainingOptions.defaults().hatexplainKept();

        @Option(
                names = "--jigsaw-kept",
                description =
                        "Share of the Jigsaw sample's training comments trained on (0-1; its held-out slice is measured "
                                + "either way). Default: ${DEFAULT-VALUE}")
        double jigsawKept = TrainingOptions.defaults().jigsawKept();

        @Option(
                names = "--jigsaw-threat-repeats",
                description =
                        "How often each Jigsaw threat is repeated in training (1 or more). Default: ${DEFAULT-VALUE}")
        int jigsawThreatRepeats = TrainingOptions.defaults().jigsawThreatRepeats();

        @Option(
                names = "--target-features",
                description =
                        "Train on the target features too (harm-features-4: what a violent word is aimed at, "
                                + "intent before it, a plan without violence); the model then names them and is scored with them.")
        boolean targetFeatures;

        @Option(
                names = "--features",
                description =
                        "Train on these features (harm-features-3, the default; harm-features-4, as --target-features; "
                                + "harm-features-5: and the signs that violence is reported; harm-features-6: the WordNet harm "
                                + "words read as violence; harm-features-7: harm-features-4 and -5, the latter only where no "
                                + "violence is aimed at a group or intended at anyone; harm-features-8: as -7 without the target features "
                                + "themselves); the model then names them and is scored with them.")
        String featuresVersion;

        @Option(
                names = "--synthetic-repeats",
                description = "How often each post of the project's own templates is repeated in training (1 or more; "
                        + "they hold the only Danish threats). Default: ${DEFAULT-VALUE}")
        int syntheticRepeats = TrainingOptions.defaults().syntheticRepeats();

        @Option(
                names = "--cross-source",
                description = "Also train one model without each source (HateXplain, Davidson, "
                        + "DKHate, Stormfront, Jigsaw) and measure it on that source's held-out posts: how the classifier does on a "
                        + "source it never saw. Writes the report's cross-source section; six trainings in all.")
        boolean crossSource;

        @Option(
                names = "--with-verdicts",
                paramLabel = "FILE",
                description =
                        "JSONL of analysts' verdicts as the desk exports them (GET /api/v1/training-data): {text, label, tlp} per line.")
        Path verdicts;

        @Option(
                names = "--verdicts-from-desk",
                description = "Read the verdicts from the desk's database (--config or --jdbc-url).")
        boolean verdictsFromDesk;

        @picocli.CommandLine.Mixin
        DeskDatabaseOptions desk;

        @Option(
                names = "--verdicts-max-tlp",
                defaultValue = "GREEN",
                description =
                        "Highest marking of a verdict to train on: CLEAR, GREEN or AMBER. Default: ${DEFAULT-VALUE}")
        String verdictsMaxTlp;

        PrintStream out = System.out;
        PrintStream err = System.err;

        @Override
        public Integer call() throws IOException {
            if (verdicts != null || verdictsFromDesk) {
                return trainWithVerdicts();
            }
            TrainingOptions options = options();
            TrainingCorpus corpus = corpus(options);
            if (!knownWordsCurrent(corpus)) {
                return 3;
            }
            TrainedModel trained = trainAndWrite(corpus, options);
            ModelEvaluation evaluation = ModelEvaluation.evaluate(new HarmClassifier(trained.model()), corpus);
            writeHeldOutReport(evaluation, options, trained);
            if (crossSource) {
                String markdown = CrossSourceEvaluation.run(evaluation, corpus, files.data, options, this::progress)
                        .toMarkdown();
                CROSS_SOURCE_SECTION.writeInto(files.report, markdown);
                err.println("model train: wrote " + files.report + " (section " + CROSS_SOURCE_SECTION.name() + ")");
                out.print(markdown);
            }
            return 0;
        }

        private int trainWithVerdicts() throws IOException {
            picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
            if (!parsed.hasMatchedOption("--model") || !parsed.hasMatchedOption("--report")) {
                err.println(
                        "model train: a model trained on verdicts holds partners' text: name where it goes with --model and "
                                + "--report (the bundled model and docs/model-evaluation.md are published with the code)");
                return 2;
            }
            Tlp ceiling;
            FunctionalSuite cases;
            try {
                ceiling = VerdictPosts.ceiling(Tlp.fromLabel(verdictsMaxTlp)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "--verdicts-max-tlp " + verdictsMaxTlp + " is not a TLP marking")));
                cases = FunctionalSuite.read(files.suite);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                err.println("model train: " + e.getMessage());
                return 2;
            }
            TrainingOptions options = options();
            Path file = verdicts != null ? verdicts : exportFromDesk();
            VerdictPosts.Read read = VerdictPosts.read(file, ceiling, options.seed(), VERDICTS_HELD_OUT);
            read.problems().forEach(problem -> err.println("model train: " + file + ": " + problem));
            err.println("model train: " + read.summary(ceiling));
            if (read.posts().isEmpty()) {
                err.println("model train: no verdict to train on in " + file);
                return 1;
            }
            TrainingCorpus corpus = corpus(options).withVerdicts(read);
            HarmClassifier previous = modelBefore();
            err.println("model train: measuring the model before, " + previous.modelVersion());
            ModelComparison before = ModelComparison.measure(previous, corpus, cases, files.rules, this::progress);
            TrainedModel trained = trainAndWrite(corpus, options);
            HarmClassifier next = new HarmClassifier(trained.model());
            ModelComparison after = ModelComparison.measure(next, corpus, cases, files.rules, this::progress);
            writeHeldOutReport(after.heldOut(), options, trained);
            out.println();
            out.print(ModelComparison.toMarkdown(before, after));
            return 0;
        }

        /**
         * The model the verdicts' model replaces: the file at {@code --model}, else the bundled one; a file of other
         * features (or normaliser) cannot classify with this code, so the bundled model is measured before instead and
         * the file is overwritten by the new model.
         */
        private HarmClassifier modelBefore() throws IOException {
            if (!Files.exists(model)) {
                return HarmClassifier.bundled();
            }
            try {
                return new HarmClassifier(new DoccatModel(model));
            } catch (IllegalArgumentException e) {
                err.println("model train: " + model + " " + e.getMessage().replaceFirst("^model ", "")
                        + "; it is replaced, and the bundled model is measured as the model before");
                return HarmClassifier.bundled();
            }
        }

        /** The desk's export, the same rule as {@code GET /api/v1/training-data}, into a temporary file. */
        private Path exportFromDesk() throws IOException {
            Path file = Files.createTempFile("varsel-verdicts", ".jsonl");
            file.toFile().deleteOnExit();
            try (Database database = desk.open(System.getenv());
                    Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                long lines = new Verdicts(database).writeTrainingData(writer);
                err.println("model train: " + lines + " labelled signals from the desk's verdicts");
            } catch (SQLException e) {
                throw new IOException("cannot read the desk's verdicts: " + e.getMessage(), e);
            }
            return file;
        }

        private TrainingOptions options() {
            TrainingOptions defaults = TrainingOptions.defaults();
            return new TrainingOptions(
                    seed,
                    algorithm,
                    iterations,
                    cutoff,
                    l2,
                    defaults.davidsonHeldOut(),
                    defaults.danishHeldOut(),
                    defaults.davidsonOffensiveKept(),
                    defaults.danishOffensiveRepeats(),
                    syntheticRepeats,
                    defaults.stormfrontNeutralKept(),
                    hatexplainKept,
                    jigsawKept,
                    jigsawThreatRepeats);
        }

        private TrainingCorpus corpus(TrainingOptions options) throws IOException {
            err.println("model train: reading " + files.data);
            TrainingCorpus corpus =
                    TrainingCorpus.read(files.data, options.seed(), options.davidsonHeldOut(), options.danishHeldOut());
            err.println("model train: " + corpus.posts().size() + " posts, " + corpus.skipped() + " rows skipped");
            return corpus;
        }

        /**
         * Whether the bundled known-word list is the one the public training data gives; if not, writes it and says to
         * rebuild: the features read the list from the classpath, so training now would use the old one.
         */
        private boolean knownWordsCurrent(TrainingCorpus corpus) throws IOException {
            String known = KnownWords.text(KnownWords.from(corpus));
            if (Files.exists(knownWords)
                    && Files.readString(knownWords, StandardCharsets.UTF_8).equals(known)) {
                return true;
            }
            Files.writeString(knownWords, known, StandardCharsets.UTF_8);
            err.println("model train: the training data gives another known-word list; wrote " + knownWords
                    + ". Rebuild and run ./varsel model train again.");
            return false;
        }

        private TrainedModel trainAndWrite(TrainingCorpus corpus, TrainingOptions options) throws IOException {
            long start = System.nanoTime();
            HarmFeatures features = featuresVersion != null
                    ? HarmFeatures.ofVersion(featuresVersion)
                    : targetFeatures ? new TargetedHarmFeatures() : new HarmFeatures();
            TrainedModel trained = ModelTrainer.train(corpus, files.data, options, features, this::progress);
            Files.createDirectories(model.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(model)) {
                trained.model().serialize(file);
            }
            err.printf(
                    "model train: wrote %s (%s, %d KiB) after %.0f s; evaluating%n",
                    model, trained.version(), Files.size(model) / 1024, (System.nanoTime() - start) / 1e9);
            return trained;
        }

        private void writeHeldOutReport(ModelEvaluation evaluation, TrainingOptions options, TrainedModel trained)
                throws IOException {
            String markdown =
                    evaluation.toMarkdown(options, trained.trainingCounts(), ModelEvaluation.Baseline.read(files.data));
            HELD_OUT_SECTION.writeInto(files.report, markdown);
            err.println("model train: wrote " + files.report + " (section " + HELD_OUT_SECTION.name() + ")");
            out.print(markdown);
        }

        private void progress(String line) {
            err.println("model train: " + line);
        }
    }

    /** {@code ./varsel model evaluate}. */
    @Command(
            name = "evaluate",
            description = {
                "Run the functional suite (data/functional/: English and Danish cases per functionality, with non-hateful "
                        + "contrasts) through the real flagging path: language identification, the classifier and the rule pack "
                        + "(RuleEngine). Prints flag rates, the rate of cases that open an incident alone (SingleSignals) and the "
                        + "tiers per functionality, language and split (dev/test), writes them into docs/model-evaluation.md and "
                        + "checks them against the floors (exit code 1 when a functionality falls below its floor). Progress goes to stderr.",
                "With --held-out: evaluate the classifier on the held-out splits of the training data instead."
            })
    static final class Evaluate implements Callable<Integer> {

        @Mixin
        ModelFiles files;

        @Option(names = "--model", description = "A model file; default: the model bundled in the pipeline.")
        Path model;

        @Option(names = "--no-report", description = "Print only; leave the report file as it is.")
        boolean noReport;

        @Option(
                names = "--cases",
                description = "Also write every case's verdict (flagged, tier, language, category, "
                        + "rules) to this TSV file, to see which cases are missed.")
        Path casesFile;

        @Option(
                names = "--propose-floors",
                description = "Also print a floors.yaml at today's rates less --margin "
                        + "(contrasts: plus it), to copy the lines you mean to raise.")
        boolean proposeFloors;

        @Option(
                names = "--margin",
                defaultValue = "0.02",
                description = "Margin of --propose-floors. Default: ${DEFAULT-VALUE}")
        double margin;

        @Option(names = "--held-out", description = "Evaluate the classifier on the held-out splits of --data instead.")
        boolean heldOut;

        PrintStream out = System.out;
        PrintStream err = System.err;

        @Override
        public Integer call() throws IOException {
            HarmClassifier classifier =
                    model == null ? HarmClassifier.bundled() : new HarmClassifier(new DoccatModel(model));
            return heldOut ? heldOut(classifier) : functionalSuite(classifier);
        }

        private int functionalSuite(HarmClassifier classifier) throws IOException {
            FunctionalSuite cases;
            SuiteFloors floors;
            try {
                cases = FunctionalSuite.read(files.suite);
                floors = SuiteFloors.read(files.suite.resolve(SuiteFloors.FILE));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                err.println("model evaluate: " + e.getMessage());
                return 2;
            }
            err.println("model evaluate: " + cases.cases().size() + " cases from " + files.suite + ", classifier "
                    + classifier.modelVersion() + ", rules from " + files.rules);
            SuiteEvaluation evaluation = ModelComparison.judge(
                    cases, classifier, files.rules, line -> err.println("model evaluate: " + line));
            String markdown = evaluation.toMarkdown();
            out.print(markdown);
            if (!noReport) {
                SUITE_SECTION.writeInto(files.report, markdown);
                err.println("model evaluate: wrote section " + SUITE_SECTION.name() + " of " + files.report);
            }
            if (casesFile != null) {
                Files.writeString(casesFile, evaluation.casesTsv(), StandardCharsets.UTF_8);
                err.println("model evaluate: wrote every case's verdict to " + casesFile);
            }
            if (proposeFloors) {
                out.println();
                out.print(evaluation.proposedFloors(margin));
            }
            List<String> breaches = evaluation.breaches(floors);
            breaches.forEach(b -> err.println("model evaluate: FLOOR " + b));
            err.println("model evaluate: "
                    + (breaches.isEmpty()
                            ? "every functionality meets its floor"
                            : breaches.size() + " floor(s) broken"));
            return breaches.isEmpty() ? 0 : 1;
        }

        private int heldOut(HarmClassifier classifier) throws IOException {
            TrainingOptions options = TrainingOptions.defaults();
            TrainingCorpus corpus =
                    TrainingCorpus.read(files.data, options.seed(), options.davidsonHeldOut(), options.danishHeldOut());
            err.println("model evaluate: " + classifier.modelVersion() + " on the held-out posts of " + files.data
                    + " (held-out slices as for the default seed)");
            out.print(ModelEvaluation.evaluate(classifier, corpus)
                    .toMarkdown(null, null, ModelEvaluation.Baseline.read(files.data)));
            return 0;
        }
    }
}

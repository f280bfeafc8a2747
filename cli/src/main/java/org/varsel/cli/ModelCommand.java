package org.varsel.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import opennlp.tools.doccat.DoccatModel;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.classify.KnownWords;
import org.varsel.pipeline.classify.ModelEvaluation;
import org.varsel.pipeline.classify.ModelTrainer;
import org.varsel.pipeline.classify.TrainedModel;
import org.varsel.pipeline.classify.TrainingCorpus;
import org.varsel.pipeline.classify.TrainingOptions;
import org.varsel.pipeline.functional.FlaggingPath;
import org.varsel.pipeline.functional.FunctionalSuite;
import org.varsel.pipeline.functional.SuiteEvaluation;
import org.varsel.pipeline.functional.SuiteFloors;
import org.varsel.pipeline.rules.BundledRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./varsel model}: trains and evaluates the threat/hateful/offensive/neutral classifier. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Train the threat/hateful/offensive/neutral classifier and evaluate the flagging path on the functional suite.",
    subcommands = {ModelCommand.Train.class, ModelCommand.Evaluate.class})
public final class ModelCommand implements Runnable {

  /** The part of docs/model-evaluation.md that {@code model train} writes. */
  static final ReportSection HELD_OUT_SECTION = new ReportSection("held-out");
  /** The part of docs/model-evaluation.md that {@code model evaluate} writes. */
  static final ReportSection SUITE_SECTION = new ReportSection("functional-suite");

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code ./varsel model train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = "Rebuild the classifier from the annotated data in the repository (Davidson, HateXplain train, "
          + "DKHate, the project's own synthetic threat templates), reproducibly (fixed seed, hash-based splits), "
          + "evaluate it on the held-out splits of each source and write the report. Takes about 1-2 min on one core; "
          + "progress goes to stderr.")
  static final class Train implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "${sys:varsel.home:-.}/data/training",
        description = "Directory with the copied training data. Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--model", defaultValue = "${sys:varsel.home:-.}/pipeline/src/main/resources/models/varsel-doccat.bin",
        description = "Where to write the model (the pipeline ships this file). Default: ${DEFAULT-VALUE}")
    Path model;

    @Option(names = "--report", defaultValue = "${sys:varsel.home:-.}/docs/model-evaluation.md",
        description = "Where to write the evaluation report (Markdown). Default: ${DEFAULT-VALUE}")
    Path report;

    @Option(names = "--known-words",
        defaultValue = "${sys:varsel.home:-.}/pipeline/src/main/resources/classify/known-words.txt",
        description = "The words real training posts use, which obfuscation repair leaves alone; rewritten when the "
            + "data changed (then rebuild and run again). Default: ${DEFAULT-VALUE}")
    Path knownWords;

    @Option(names = "--seed", description = "Seed of the held-out slices and down-sampling. Default: ${DEFAULT-VALUE}")
    long seed = TrainingOptions.defaults().seed();

    @Option(names = "--algorithm", description = "MAXENT (GIS) or MAXENT_QN (L-BFGS). Default: ${DEFAULT-VALUE}")
    String algorithm = TrainingOptions.defaults().algorithm();

    @Option(names = "--iterations", description = "Training iterations. Default: ${DEFAULT-VALUE}")
    int iterations = TrainingOptions.defaults().iterations();

    @Option(names = "--cutoff", description = "Drop features seen fewer times. Default: ${DEFAULT-VALUE}")
    int cutoff = TrainingOptions.defaults().cutoff();

    @Option(names = "--l2", description = "L2 regularisation (MAXENT_QN). Default: ${DEFAULT-VALUE}")
    double l2 = TrainingOptions.defaults().l2Cost();

    @Override
    public Integer call() throws IOException {
      TrainingOptions defaults = TrainingOptions.defaults();
      TrainingOptions options = new TrainingOptions(seed, algorithm, iterations, cutoff, l2,
          defaults.davidsonHeldOut(), defaults.danishHeldOut(), defaults.davidsonOffensiveKept(),
          defaults.danishOffensiveRepeats(), defaults.syntheticRepeats());
      long start = System.nanoTime();
      System.err.println("model train: reading " + data);
      TrainingCorpus corpus = TrainingCorpus.read(data, options.seed(), options.davidsonHeldOut(), options.danishHeldOut());
      System.err.println("model train: " + corpus.posts().size() + " posts, " + corpus.skipped() + " rows skipped");
      String known = KnownWords.text(KnownWords.from(corpus));
      if (!Files.exists(knownWords) || !Files.readString(knownWords, StandardCharsets.UTF_8).equals(known)) {
        // the features read the list from the classpath: training now would use the old one
        Files.writeString(knownWords, known, StandardCharsets.UTF_8);
        System.err.println("model train: the training data gives another known-word list; wrote " + knownWords
            + ". Rebuild and run ./varsel model train again.");
        return 3;
      }
      TrainedModel trained = ModelTrainer.train(corpus, data, options, line -> System.err.println("model train: " + line));
      Files.createDirectories(model.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(model)) {
        trained.model().serialize(out);
      }
      System.err.printf("model train: wrote %s (%s, %d KiB) after %.0f s; evaluating%n",
          model, trained.version(), Files.size(model) / 1024, (System.nanoTime() - start) / 1e9);
      ModelEvaluation evaluation = ModelEvaluation.evaluate(new HarmClassifier(trained.model()), corpus);
      String markdown = evaluation.toMarkdown(options, trained.trainingCounts(), ModelEvaluation.Baseline.read(data));
      HELD_OUT_SECTION.writeInto(report, markdown);
      System.err.println("model train: wrote " + report + " (section " + HELD_OUT_SECTION.name() + ")");
      System.out.print(markdown);
      return 0;
    }
  }

  /** {@code ./varsel model evaluate}. */
  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description = {
          "Run the functional suite (data/functional/: English and Danish cases per functionality, with non-hateful "
              + "contrasts) through the real flagging path: language identification, the classifier and the rule pack "
              + "(RuleEngine). Prints flag rates, the rate of cases that open an incident alone (SingleSignals) and the "
              + "tiers per functionality, language and split (dev/test), writes them into docs/model-evaluation.md and "
              + "checks them against the floors (exit code 1 when a functionality falls below its floor). Progress goes to stderr.",
          "With --held-out: evaluate the classifier on the held-out splits of the training data instead."})
  static final class Evaluate implements Callable<Integer> {

    @Option(names = "--suite", defaultValue = "${sys:varsel.home:-.}/data/functional",
        description = "Directory with the suite (suite-*.tsv) and its floors.yaml. Default: ${DEFAULT-VALUE}")
    Path suite;

    @Option(names = "--rules", defaultValue = "${sys:varsel.home:-.}/rules",
        description = "Rules directory to match with (checked as the build checks it). Default: ${DEFAULT-VALUE}")
    Path rules;

    @Option(names = "--model", description = "A model file; default: the model bundled in the pipeline.")
    Path model;

    @Option(names = "--report", defaultValue = "${sys:varsel.home:-.}/docs/model-evaluation.md",
        description = "Report whose functional-suite section is rewritten. Default: ${DEFAULT-VALUE}")
    Path report;

    @Option(names = "--no-report", description = "Print only; leave the report file as it is.")
    boolean noReport;

    @Option(names = "--cases", description = "Also write every case's verdict (flagged, tier, language, category, "
        + "rules) to this TSV file, to see which cases are missed.")
    Path casesFile;

    @Option(names = "--propose-floors", description = "Also print a floors.yaml at today's rates less --margin "
        + "(contrasts: plus it), to copy the lines you mean to raise.")
    boolean proposeFloors;

    @Option(names = "--margin", defaultValue = "0.02", description = "Margin of --propose-floors. Default: ${DEFAULT-VALUE}")
    double margin;

    @Option(names = "--held-out", description = "Evaluate the classifier on the held-out splits of --data instead.")
    boolean heldOut;

    @Option(names = "--data", defaultValue = "${sys:varsel.home:-.}/data/training",
        description = "With --held-out: directory with the copied training data. Default: ${DEFAULT-VALUE}")
    Path data;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
      HarmClassifier classifier = model == null ? HarmClassifier.bundled() : new HarmClassifier(new DoccatModel(model));
      return heldOut ? heldOut(classifier) : functionalSuite(classifier);
    }

    private int functionalSuite(HarmClassifier classifier) throws IOException {
      FunctionalSuite cases;
      SuiteFloors floors;
      try {
        cases = FunctionalSuite.read(suite);
        floors = SuiteFloors.read(suite.resolve(SuiteFloors.FILE));
      } catch (IllegalArgumentException | UncheckedIOException e) {
        err.println("model evaluate: " + e.getMessage());
        return 2;
      }
      err.println("model evaluate: " + cases.cases().size() + " cases from " + suite + ", classifier "
          + classifier.modelVersion() + ", rules from " + rules);
      SuiteEvaluation evaluation;
      try (FlaggingPath path = FlaggingPath.of(classifier, BundledRules.fromDirectory(rules))) {
        evaluation = SuiteEvaluation.run(cases, path, line -> err.println("model evaluate: " + line));
      }
      String markdown = evaluation.toMarkdown();
      out.print(markdown);
      if (!noReport) {
        SUITE_SECTION.writeInto(report, markdown);
        err.println("model evaluate: wrote section " + SUITE_SECTION.name() + " of " + report);
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
      err.println("model evaluate: " + (breaches.isEmpty() ? "every functionality meets its floor" : breaches.size() + " floor(s) broken"));
      return breaches.isEmpty() ? 0 : 1;
    }

    private int heldOut(HarmClassifier classifier) throws IOException {
      TrainingOptions options = TrainingOptions.defaults();
      TrainingCorpus corpus = TrainingCorpus.read(data, options.seed(), options.davidsonHeldOut(), options.danishHeldOut());
      err.println("model evaluate: " + classifier.modelVersion() + " on the held-out posts of " + data
          + " (held-out slices as for the default seed)");
      out.print(ModelEvaluation.evaluate(classifier, corpus).toMarkdown(null, null, ModelEvaluation.Baseline.read(data)));
      return 0;
    }
  }
}

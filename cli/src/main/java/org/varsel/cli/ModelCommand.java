package org.varsel.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import opennlp.tools.doccat.DoccatModel;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.classify.ModelEvaluation;
import org.varsel.pipeline.classify.ModelTrainer;
import org.varsel.pipeline.classify.TrainedModel;
import org.varsel.pipeline.classify.TrainingCorpus;
import org.varsel.pipeline.classify.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./varsel model}: trains and evaluates the threat/hateful/offensive/neutral classifier. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Train and evaluate the threat/hateful/offensive/neutral classifier.",
    subcommands = {ModelCommand.Train.class, ModelCommand.Evaluate.class})
public final class ModelCommand implements Runnable {

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
      TrainedModel trained = ModelTrainer.train(corpus, data, options, line -> System.err.println("model train: " + line));
      Files.createDirectories(model.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(model)) {
        trained.model().serialize(out);
      }
      System.err.printf("model train: wrote %s (%s, %d KiB) after %.0f s; evaluating%n",
          model, trained.version(), Files.size(model) / 1024, (System.nanoTime() - start) / 1e9);
      ModelEvaluation evaluation = ModelEvaluation.evaluate(new HarmClassifier(trained.model()), corpus);
      String markdown = evaluation.toMarkdown(options, trained.trainingCounts(), ModelEvaluation.Baseline.read(data));
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, markdown, StandardCharsets.UTF_8);
      System.err.println("model train: wrote " + report);
      System.out.print(markdown);
      return 0;
    }
  }

  /** {@code ./varsel model evaluate}. */
  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description = "Evaluate a model (default: the bundled one) on the held-out splits and print the report.")
  static final class Evaluate implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "${sys:varsel.home:-.}/data/training",
        description = "Directory with the copied training data. Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--model", description = "A model file; default: the model bundled in the pipeline.")
    Path model;

    @Override
    public Integer call() throws IOException {
      TrainingOptions options = TrainingOptions.defaults();
      HarmClassifier classifier = model == null ? HarmClassifier.bundled() : new HarmClassifier(new DoccatModel(model));
      TrainingCorpus corpus = TrainingCorpus.read(data, options.seed(), options.davidsonHeldOut(), options.danishHeldOut());
      System.err.println("model evaluate: " + classifier.modelVersion() + " on the held-out posts of " + data
          + " (held-out slices as for the default seed)");
      System.out.print(ModelEvaluation.evaluate(classifier, corpus).toMarkdown(null, null, ModelEvaluation.Baseline.read(data)));
      return 0;
    }
  }
}

package org.varsel.pipeline.nlp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;
import org.varsel.bench.RuleMatchLevers;
import org.varsel.pipeline.classify.HarmClassifier;

/**
 * Thread CPU time of the model evaluation alone, OpenNLP's {@code eval} against {@link MaxentScorer}, alternating
 * round by round, for the classifier over the features of {@code RuleMatchCpu}'s 2,000 texts and for the language
 * detector over their samples' character grams (features computed once, before the rounds). A sum of the first
 * outcome's probabilities checks that both gave the same. {@code bench/run org.varsel.pipeline.nlp.MaxentScorerCpu
 * [rounds]}
 */
public final class MaxentScorerCpu {

    private MaxentScorerCpu() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        List<RuleMatchLevers.Doc> texts = RuleMatchLevers.cpuWorkload();
        DoccatModel doccat = ModelResources.load(HarmClassifier.BUNDLED_MODEL, DoccatModel::new);
        FeatureGenerator[] generators = doccat.getFactory().getFeatureGenerators();
        LanguageIdentifier identifier = new LanguageIdentifier();
        List<String[]> features = new ArrayList<>();
        List<String[]> grams = new ArrayList<>();
        for (RuleMatchLevers.Doc d : texts) {
            List<String> f = new ArrayList<>();
            for (FeatureGenerator g : generators) {
                f.addAll(g.extractFeatures(TextNormaliser.tokens(d.text()), Map.of()));
            }
            features.add(f.toArray(String[]::new));
            grams.add(identifier.characterGrams(DetectionSample.of(d.text(), LanguageIdentifier.DEFAULT_SAMPLE_CHARS)
                    .text()));
        }
        MaxentModel classifier = doccat.getMaxentModel();
        MaxentModel detector = ModelResources.load(ModelResources.LANGUAGE_DETECTOR, LanguageDetectorModel::new)
                .getMaxentModel();
        MaxentScorer classifierScorer = MaxentScorer.of(classifier).orElseThrow();
        MaxentScorer detectorScorer = MaxentScorer.of(detector).orElseThrow();
        for (int round = 0; round < rounds; round++) {
            boolean ours = round % 2 == 0;
            time(round, "classifier", ours, features, ours ? classifierScorer::eval : classifier::eval);
            time(round, "detector", ours, grams, ours ? detectorScorer::eval : detector::eval);
        }
    }

    private static void time(
            int round, String model, boolean ours, List<String[]> inputs, Function<String[], double[]> eval) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double check = 0;
        long start = cpu.getCurrentThreadCpuTime();
        for (String[] in : inputs) {
            check += eval.apply(in)[0];
        }
        long nanos = cpu.getCurrentThreadCpuTime() - start;
        System.out.printf(
                "round %2d %-10s %-7s %6.2f CPU-us a text, first outcome sum %.12f%n",
                round, model, ours ? "scorer" : "opennlp", nanos / 1_000.0 / inputs.size(), check);
    }
}

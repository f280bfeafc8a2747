package org.varsel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import org.varsel.pipeline.classify.Classification;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.correlate.CorrelationKeys;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.nlp.LanguageGuess;
import org.varsel.pipeline.nlp.LanguageIdentifier;

/**
 * Thread CPU time per text of the per-signal analysis outside the rules, step by step, over {@code RuleMatchCpu}'s
 * 2,000 texts: language detection (every text, no hint), the classifier, and co-similar text's MinHash sketch. Each
 * step prints the bytes it allocates a text (which the machine's load does not move) and a checksum of its results,
 * so two builds compared must print the same checksums.
 * {@code bench/run org.varsel.bench.AnalysisStepsCpu [rounds]}
 */
public final class AnalysisStepsCpu {

    private AnalysisStepsCpu() {}

    private record Step(String name, ToLongFunction<String> run) {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        List<RuleMatchLevers.Doc> texts = RuleMatchLevers.cpuWorkload();
        LanguageIdentifier languages = new LanguageIdentifier();
        HarmClassifier classifier = HarmClassifier.bundled();
        CorrelationKeys keys = new CorrelationKeys(CorrelationSettings.defaults());
        List<Step> steps = List.of(
                new Step("language", text -> {
                    LanguageGuess g = languages.detect(text);
                    return g.language().hashCode() * 31L + Double.hashCode(g.confidence());
                }),
                new Step("classifier", text -> {
                    Classification c = classifier.classify(text);
                    return Arrays.hashCode(new double[] {c.threat(), c.hateful(), c.offensive(), c.neutral()});
                }),
                new Step(
                        "sketch",
                        text -> keys.sketch(text)
                                .map(s -> (long) Arrays.hashCode(s.signature()))
                                .orElse(7L)));
        com.sun.management.ThreadMXBean cpu = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder(String.format("round %2d:", round));
            for (Step step : steps) {
                long check = 0;
                long bytes = cpu.getCurrentThreadAllocatedBytes();
                long start = cpu.getCurrentThreadCpuTime();
                for (RuleMatchLevers.Doc d : texts) {
                    check = check * 31 + step.run().applyAsLong(d.text());
                }
                long micros = (cpu.getCurrentThreadCpuTime() - start) / 1_000;
                long allocated = cpu.getCurrentThreadAllocatedBytes() - bytes;
                line.append(String.format(
                        "  %s %.1f CPU-us %,d B (check %x)",
                        step.name(), (double) micros / texts.size(), allocated / texts.size(), check));
            }
            System.out.println(line);
        }
    }
}

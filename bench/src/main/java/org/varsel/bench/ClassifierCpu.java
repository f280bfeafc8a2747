package org.varsel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.varsel.pipeline.classify.Category;
import org.varsel.pipeline.classify.Classification;
import org.varsel.pipeline.classify.HarmClassifier;

/**
 * Thread CPU time per text of {@link HarmClassifier#classify} (tokens, folding and repair, compound parts, features,
 * maxent) over {@code RuleMatchCpu}'s 2,000 texts, per round, with the texts not found neutral and the sum of threat scores as a check that two
 * builds compared classified alike. {@code bench/run org.varsel.bench.ClassifierCpu [rounds]}
 */
public final class ClassifierCpu {

    private ClassifierCpu() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        List<RuleMatchLevers.Doc> texts = RuleMatchLevers.cpuWorkload();
        HarmClassifier classifier = HarmClassifier.bundled();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long harmful = 0;
            double threat = 0;
            long start = cpu.getCurrentThreadCpuTime();
            for (RuleMatchLevers.Doc d : texts) {
                Classification c = classifier.classify(d.text());
                harmful += c.category() == Category.NEUTRAL ? 0 : 1;
                threat += c.threat();
            }
            long micros = (cpu.getCurrentThreadCpuTime() - start) / 1_000;
            System.out.printf(
                    "round %2d: %6.1f CPU-us a text, %d not neutral, threat scores sum %.9f%n",
                    round, (double) micros / texts.size(), harmful, threat);
        }
    }
}

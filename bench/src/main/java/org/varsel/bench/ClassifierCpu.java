package org.varsel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.varsel.pipeline.classify.Category;
import org.varsel.pipeline.classify.Classification;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.nlp.ModelResources;
import org.varsel.pipeline.nlp.TextNormaliser;

/**
 * Thread CPU time per text of {@link HarmClassifier#classify} (tokens, folding and repair, compound parts, features,
 * maxent) over {@code RuleMatchCpu}'s 2,000 texts, per round, with the texts not found neutral and the sum of threat scores as a check that two
 * builds compared classified alike. Rounds alternate with OpenNLP's own {@code DocumentCategorizerME} over the same
 * tokens and model, the evaluation the classifier replaced (docs/performance.md, issue 20).
 * {@code bench/run org.varsel.bench.ClassifierCpu [rounds]}
 */
public final class ClassifierCpu {

    private ClassifierCpu() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        List<RuleMatchLevers.Doc> texts = RuleMatchLevers.cpuWorkload();
        DoccatModel model = ModelResources.load(HarmClassifier.BUNDLED_MODEL, DoccatModel::new);
        HarmClassifier classifier = new HarmClassifier(model);
        DocumentCategorizerME openNlp = new DocumentCategorizerME(model);
        int threatIndex = openNlp.getIndex(Category.THREAT.label());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            boolean ours = round % 2 == 0;
            long harmful = 0;
            double threat = 0;
            long start = cpu.getCurrentThreadCpuTime();
            for (RuleMatchLevers.Doc d : texts) {
                if (ours) {
                    Classification c = classifier.classify(d.text());
                    harmful += c.category() == Category.NEUTRAL ? 0 : 1;
                    threat += c.threat();
                } else {
                    String[] tokens = TextNormaliser.tokens(d.text());
                    threat += tokens.length == 0 ? 0 : openNlp.categorize(tokens)[threatIndex];
                }
            }
            long micros = (cpu.getCurrentThreadCpuTime() - start) / 1_000;
            System.out.printf(
                    "round %2d %-8s %6.1f CPU-us a text, %s threat scores sum %.9f%n",
                    round,
                    ours ? "scorer" : "opennlp",
                    (double) micros / texts.size(),
                    ours ? harmful + " not neutral," : "",
                    threat);
        }
    }
}

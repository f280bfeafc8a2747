package org.varsel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RulePack;

/**
 * Thread CPU time per text of {@link RuleEngine#match} over the {@code RuleMatchBenchmark} workload, per round of
 * 2,000 texts, with active hits as a check that two builds compared found the same. On a loaded shared machine JMH
 * throughput swings too much for a 2x question; the matching thread's own CPU time does not count waiting for a core.
 * Run: {@code bench/run org.varsel.bench.RuleMatchCpu [rounds]}; {@code -Dvarsel.rules=DIR} matches with a rules
 * directory instead of the bundled pack (to compare two rule libraries on one build). {@code -Dvarsel.ira=ROWS} matches
 * the first ROWS tweets of the shared IRA file instead of the 2,000 posts, each round all of them: a stream whose
 * vocabulary (links, handles, hashtags) outgrows the remembered words, as {@code ./varsel bench}'s does.
 */
public final class RuleMatchCpu {

    private RuleMatchCpu() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        String ira = System.getProperty("varsel.ira");
        List<RuleMatchLevers.Doc> texts = ira == null
                ? RuleMatchLevers.cpuWorkload()
                : IraTweets.read(IraTweets.SHARED_FILE, Integer.parseInt(ira));
        String rules = System.getProperty("varsel.rules");
        RulePack library = rules == null ? BundledRules.load() : BundledRules.fromDirectory(Path.of(rules));
        RulePack pack = RuleMatchLevers.pack(library, 1_000, texts, RuleMatchLevers.all());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (RuleEngine engine = RuleEngine.build(pack)) {
            for (int round = 0; round < rounds; round++) {
                long hits = 0;
                long start = cpu.getCurrentThreadCpuTime();
                for (RuleMatchLevers.Doc d : texts) {
                    hits += engine.match(d.text(), d.language()).hits().size();
                }
                long micros = (cpu.getCurrentThreadCpuTime() - start) / 1_000;
                System.out.printf(
                        "round %2d: %6.1f CPU-us a text, %d active hits%n",
                        round, (double) micros / texts.size(), hits);
            }
        }
    }
}

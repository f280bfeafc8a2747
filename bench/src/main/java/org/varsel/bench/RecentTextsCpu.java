package org.varsel.bench;

import static org.varsel.pipeline.correlate.Posts.post;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RecentMatches;
import org.varsel.pipeline.analysis.RecentTexts;
import org.varsel.pipeline.analysis.SignalMatcher;
import org.varsel.pipeline.enrich.Enrichment;
import org.varsel.pipeline.enrich.TextEnricher;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RulePack;

/**
 * Thread CPU time per signal of the two analyses that read a text and its language tag, over one subtask's share of the
 * real IRA stream: rule matching (the 1,000-rule pack of {@link RuleMatchCpu}) and enrichment (language, links,
 * classifier), each as the pipeline runs it and with {@link RecentTexts} (a fresh memory each round, so only the
 * stream's own repeats are answered from it), alternated in rounds over one engine and one enricher whose own caches
 * are warm after the first. The pipeline remembers matches only: language detection's confidence depends in its last
 * bits on the samples before ({@code CharacterGrams}), so a remembered enrichment is not always the one it would give
 * (docs/performance.md, "Repeated texts analysed once"); its row says what remembering would save. The stream is the first ROWS tweets of the shared IRA file in order, a seeded random
 * half of them (a subtask's at parallelism 2) or all (p=1); the active hits and the categories of both must agree.
 * Run: {@code bench/run org.varsel.bench.RecentTextsCpu [rows] [rounds] [parallelism]}.
 */
public final class RecentTextsCpu {

    private RecentTextsCpu() {}

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<RuleMatchLevers.Doc> tweets = IraTweets.read(IraTweets.SHARED_FILE, rows);
        Random random = new Random(20261207L);
        List<AnalysedSignal> share = new ArrayList<>();
        for (RuleMatchLevers.Doc d : tweets) {
            if (random.nextInt(parallelism) == 0) {
                share.add(signal(d));
            }
        }
        RulePack pack = RuleMatchLevers.pack(BundledRules.load(), 1_000, tweets, RuleMatchLevers.all());
        TextEnricher enricher = new TextEnricher();
        try (RuleEngine engine = RuleEngine.build(pack)) {
            for (int round = 0; round < rounds; round++) {
                RecentMatches matches = new RecentMatches(engine, RecentTexts.TEXTS);
                report(
                        round,
                        "matching",
                        share,
                        s -> SignalMatcher.match(engine, s).hits().size(),
                        s -> matches.match(s).hits().size());
                RecentTexts<Enrichment> enrichments = new RecentTexts<>(RecentTexts.TEXTS);
                report(
                        round,
                        "enrichment",
                        share,
                        s -> category(enricher.enrich(s.signal().text(), hint(s))),
                        s -> category(enrichments.answer(
                                s.signal().text(),
                                hint(s),
                                () -> enricher.enrich(s.signal().text(), hint(s)))));
            }
        }
    }

    /** Both ways over the share, alternated; each sums a count both must agree on. */
    private static void report(
            int round,
            String analysis,
            List<AnalysedSignal> share,
            ToIntFunction<AnalysedSignal> before,
            ToIntFunction<AnalysedSignal> remembering) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        long beforeCount = share.stream().mapToInt(before).sum();
        long beforeNanos = cpu.getCurrentThreadCpuTime() - start;
        start = cpu.getCurrentThreadCpuTime();
        long rememberingCount = share.stream().mapToInt(remembering).sum();
        long rememberingNanos = cpu.getCurrentThreadCpuTime() - start;
        System.out.printf(
                "round %2d %-10s: %d signals, %6.1f -> %6.1f CPU-us a signal (%.3f), check %d / %d%n",
                round,
                analysis,
                share.size(),
                beforeNanos / 1_000.0 / share.size(),
                rememberingNanos / 1_000.0 / share.size(),
                (double) rememberingNanos / beforeNanos,
                beforeCount,
                rememberingCount);
    }

    private static Optional<String> hint(AnalysedSignal s) {
        return Optional.ofNullable(s.signal().language());
    }

    /** A count that differs when a category does: the category's hash. */
    private static int category(Enrichment e) {
        return e.category().hashCode() + e.language().hashCode();
    }

    private static AnalysedSignal signal(RuleMatchLevers.Doc d) {
        return post("ira").text(d.text()).language(d.language().orElse(null)).analysed();
    }
}

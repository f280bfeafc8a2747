package org.varsel.bench;

import static org.varsel.pipeline.correlate.Posts.post;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.varsel.contract.Incident;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.SignalMatcher;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.SingleSignals;
import org.varsel.pipeline.correlate.TwoDecimals;
import org.varsel.pipeline.enrich.TextEnricher;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.RuleEngine;

/**
 * What the single-signal incidents ({@link SingleSignals#incident}, the largest part of "correlate" in the whole
 * bench's profile) spend writing classifier scores: thread CPU time of {@code String.format(Locale.ROOT, "%.2f", x)}
 * against {@link TwoDecimals#of} over every classifier score of real IRA tweets (enriched once beforehand), alternated
 * in rounds in one process (the first warms the JIT); both must write the same text. First it prints the incidents the
 * tweets open, with the bundled rules, and a checksum of their ids, tiers, titles and explanations: two builds
 * compared on this harness must print the same. Run: {@code bench/run org.varsel.bench.SingleSignalCpu [rows]
 * [rounds]}.
 */
public final class SingleSignalCpu {

    private SingleSignalCpu() {}

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<AnalysedSignal> signals = analysed(IraTweets.read(IraTweets.SHARED_FILE, rows));
        SingleSignals single = SingleSignals.from(CorrelationSettings.defaults());
        int incidents = 0;
        long checksum = 0;
        for (AnalysedSignal signal : signals) {
            Optional<Incident> incident = single.incident(signal);
            if (incident.isPresent()) {
                Incident i = incident.get();
                incidents++;
                checksum = 31 * checksum + (i.id() + i.tier() + i.title() + i.explanation()).hashCode();
            }
        }
        System.out.printf("%d signals open %d incidents, checksum %d%n", signals.size(), incidents, checksum);
        double[] scores = signals.stream()
                .flatMap(s -> s.scores().values().stream())
                .mapToDouble(Double::doubleValue)
                .toArray();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            long formatted = 0;
            for (double score : scores) {
                formatted += String.format(Locale.ROOT, "%.2f", score).hashCode();
            }
            long formatterNanos = cpu.getCurrentThreadCpuTime() - start;
            start = cpu.getCurrentThreadCpuTime();
            long written = 0;
            for (double score : scores) {
                written += TwoDecimals.of(score).hashCode();
            }
            long twoDecimalsNanos = cpu.getCurrentThreadCpuTime() - start;
            System.out.printf(
                    "round %d: %d scores, formatter %.3f -> TwoDecimals %.3f CPU-us a score (%.3f), check %d / %d%n",
                    round,
                    scores.length,
                    formatterNanos / 1_000.0 / scores.length,
                    twoDecimalsNanos / 1_000.0 / scores.length,
                    (double) twoDecimalsNanos / formatterNanos,
                    formatted,
                    written);
        }
    }

    /** The tweets as the pipeline hands them to correlation: enriched, then with the bundled rules' active hits. */
    private static List<AnalysedSignal> analysed(List<RuleMatchLevers.Doc> tweets) {
        TextEnricher enricher = new TextEnricher();
        List<AnalysedSignal> out = new ArrayList<>(tweets.size());
        try (RuleEngine engine = RuleEngine.build(BundledRules.load())) {
            int id = 0;
            for (RuleMatchLevers.Doc d : tweets) {
                AnalysedSignal posted = post("ira-" + id++)
                        .text(d.text())
                        .language(d.language().orElse(null))
                        .analysed();
                AnalysedSignal enriched = AnalysedSignal.enriched(
                        posted.signal(),
                        enricher.enrich(
                                d.text(), Optional.ofNullable(posted.signal().language())));
                out.add(SignalMatcher.withActiveHits(enriched, SignalMatcher.match(engine, enriched)));
            }
        }
        return out;
    }
}

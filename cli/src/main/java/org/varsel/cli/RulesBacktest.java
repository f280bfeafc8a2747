package org.varsel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.varsel.cli.local.KafkaLoginOptions;
import org.varsel.pipeline.rules.MatchResult;
import org.varsel.pipeline.rules.MatchedTerm;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RuleHit;
import org.varsel.pipeline.rules.RulePack;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./varsel rules backtest}: candidate rules over stored signals, hit counts per rule beside the live rules. */
@Command(
        name = "backtest",
        description = {
            "Run candidate rules over stored signals and report hits per rule, samples and overlap with the live rules.",
            "Input: JSONL ({\"text\", \"language\"}) or CSV with a header naming a content/text column (e.g. the IRA tweets file)."
        })
final class RulesBacktest implements Callable<Integer> {
    @Option(names = "--rules", required = true, description = "Candidate rule directory.")
    Path rules;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Stored stored;

    /** Where the stored signals come from: a file, or everything a topic holds now. */
    static final class Stored {
        @Option(names = "--input", description = "Signals: *.jsonl / *.json (JSON lines) or *.csv.")
        Path input;

        @Option(
                names = "--from-topic",
                description = "Read every signal a Kafka topic holds now (e.g. varsel.signals.raw), then stop.")
        String topic;
    }

    @Option(
            names = "--bootstrap",
            defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers, with --from-topic (default: ${DEFAULT-VALUE}).")
    String bootstrap;

    @Mixin
    KafkaLoginOptions kafka = new KafkaLoginOptions();

    @Option(
            names = "--live",
            defaultValue = "rules",
            description = "Live rule directory to compare with (default: ${DEFAULT-VALUE}).")
    Path live;

    @Option(
            names = "--samples",
            defaultValue = "2",
            description = "Sample hits shown per rule (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--limit", defaultValue = "0", description = "Stop after this many signals (0: all).")
    long limit;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        Optional<RulePack> candidates = RulesCommand.checked(rules, null, err, true);
        Optional<RulePack> livePack = RulesCommand.checked(live, null, err, true);
        if (candidates.isEmpty() || livePack.isEmpty()) {
            return 2;
        }
        Path input = stored.input;
        if (input != null && !Files.isRegularFile(input)) {
            err.println(input + ": no such file");
            return 2;
        }
        Map<String, Stats> stats = new LinkedHashMap<>();
        candidates
                .get()
                .rules()
                .forEach(r -> stats.put(r.id(), new Stats(r.status().code())));
        long[] counts = new long[4]; // signals, candidate-hit, live-hit, both
        long started = System.nanoTime();
        long[] lastProgress = {started};
        try (RuleEngine candidate = RuleEngine.build(candidates.get());
                RuleEngine liveEngine = RuleEngine.build(livePack.get())) {
            forEachSignal((text, language) -> {
                if (limit > 0 && counts[0] >= limit) {
                    return;
                }
                counts[0]++;
                MatchResult c = candidate.match(text, language);
                MatchResult l = liveEngine.match(text, language);
                Set<String> liveIds = new HashSet<>();
                l.hits().forEach(h -> liveIds.add(h.ruleId()));
                l.shadowHits().forEach(h -> liveIds.add(h.ruleId()));
                boolean candidateHit = !c.isEmpty();
                counts[1] += candidateHit ? 1 : 0;
                counts[2] += liveIds.isEmpty() ? 0 : 1;
                counts[3] += candidateHit && !liveIds.isEmpty() ? 1 : 0;
                List<RuleHit> all = new ArrayList<>(c.hits());
                all.addAll(c.shadowHits());
                for (RuleHit h : all) {
                    stats.get(h.ruleId()).add(text, h, liveIds, samples);
                }
                long now = System.nanoTime();
                if (now - lastProgress[0] > TimeUnit.SECONDS.toNanos(2)) {
                    lastProgress[0] = now;
                    err.printf("backtest: %,d signals, %,.0f/s%n", counts[0], counts[0] / ((now - started) / 1e9));
                }
            });
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                "Backtest of %s (%s) over %s: %,d signals in %.1f s (%,.0f/s); live: %s (%s)%n%n",
                rules,
                candidates.get().version(),
                input != null ? input : "topic " + stored.topic,
                counts[0],
                seconds,
                counts[0] / Math.max(seconds, 1e-9),
                live,
                livePack.get().version());
        out.printf(
                "%-44s %-8s %8s %9s %10s  %s%n",
                "rule", "status", "hits", "per 10k", "also live", "most overlapping live rule");
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            Stats s = e.getValue();
            String top = s.overlap.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(o -> o.getKey() + " (" + o.getValue() + ")")
                    .orElse("-");
            out.printf(
                    "%-44s %-8s %8d %9.2f %10d  %s%n",
                    e.getKey(),
                    s.status,
                    s.hits,
                    counts[0] == 0 ? 0.0 : s.hits * 10_000.0 / counts[0],
                    s.alsoLive,
                    top);
            for (String sample : s.samples) {
                out.println("    e.g. " + sample);
            }
        }
        out.printf(
                "%nsignals hit: candidates %,d, live %,d, both %,d; candidates only %,d; live only %,d%n",
                counts[1], counts[2], counts[3], counts[1] - counts[3], counts[2] - counts[3]);
        return 0;
    }

    private void forEachSignal(BiConsumer<String, Optional<String>> each) throws IOException {
        StoredSignals signals = new StoredSignals(err, limit);
        if (stored.topic != null) {
            signals.fromTopic(kafka.login().clientProperties(bootstrap), stored.topic, each);
        } else {
            signals.fromFile(stored.input, each);
        }
    }

    /** Per candidate rule: hits, hits also flagged live, which live rules overlap, sample texts. */
    private static final class Stats {
        final String status;
        long hits;
        long alsoLive;
        final Map<String, Long> overlap = new HashMap<>();
        final List<String> samples = new ArrayList<>();

        Stats(String status) {
            this.status = status;
        }

        void add(String text, RuleHit hit, Set<String> liveIds, int maxSamples) {
            hits++;
            if (!liveIds.isEmpty()) {
                alsoLive++;
            }
            liveIds.forEach(id -> overlap.merge(id, 1L, Long::sum));
            if (samples.size() < maxSamples) {
                String flat = text.replaceAll("\\s+", " ").strip();
                samples.add("\"" + (flat.length() > 140 ? flat.substring(0, 140) + "..." : flat) + "\" "
                        + hit.matchedTerms().stream()
                                .map(MatchedTerm::text)
                                .distinct()
                                .toList());
            }
        }
    }
}

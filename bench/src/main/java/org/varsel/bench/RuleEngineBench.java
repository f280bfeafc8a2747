package org.varsel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.varsel.pipeline.rules.NaiveRuleMatcher;
import org.varsel.pipeline.rules.Rule;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.rules.RuleStatus;

/**
 * Rule matching throughput in one run: the Monitor-based {@link RuleEngine} (presearcher) against
 * a naive loop of every query over a MemoryIndex, at 100, 1,000 and 10,000 generated rules.
 * Usage: {@code bench/run org.varsel.bench.RuleEngineBench [warmupSeconds] [measureSeconds]}.
 */
public final class RuleEngineBench {

    private static final int VOCABULARY = 30_000;
    private static final int DOCS = 4_000;
    private static final int[] RULE_COUNTS = {100, 1_000, 10_000};

    private final String[] words = new String[VOCABULARY];
    private final double[] zipfCdf = new double[VOCABULARY];
    private final Random random = new Random(7);

    private RuleEngineBench() {
        String[] syllables = {
            "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "da", "fi", "go", "hu", "ja", "ke", "pu", "ri", "so", "tu",
            "ve", "zo", "ban", "dor", "gel", "mon", "tar"
        };
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder w = new StringBuilder();
            int n = i;
            do {
                w.append(syllables[n % syllables.length]);
                n /= syllables.length;
            } while (n > 0);
            w.append(syllables[i % 7]);
            words[i] = w.toString();
        }
        double sum = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            sum += 1.0 / (i + 1);
            zipfCdf[i] = sum;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            zipfCdf[i] /= sum;
        }
    }

    private String zipfWord() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = VOCABULARY - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipfCdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return words[lo];
    }

    /** A tweet-sized text (~18 words, ~110 characters) drawn from the Zipf vocabulary. */
    private String doc() {
        StringBuilder sb = new StringBuilder();
        int n = 12 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(zipfWord());
        }
        return sb.toString();
    }

    /** Rule terms come from the middle of the distribution, so hits are rare, as in real packs. */
    private String ruleWord() {
        return words[50 + random.nextInt(8_000)];
    }

    private List<Rule> rules(int count) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String query;
            switch (i % 10) {
                case 0, 1, 2, 3 -> query = ruleWord() + " AND " + ruleWord();
                case 4, 5, 6 -> query = "\"" + ruleWord() + " " + ruleWord() + "\"~2";
                case 7, 8 -> query = ruleWord() + " OR (" + ruleWord() + " AND " + ruleWord() + ")";
                default -> query = ruleWord().substring(0, 4) + "* AND " + ruleWord();
            }
            rules.add(BenchRule.of(
                    "gen-" + i,
                    "generated " + i,
                    "Generated rule matched {matched}.",
                    query,
                    List.of("topic:bench"),
                    1 + i % 5,
                    i % 10 == 0 ? RuleStatus.SHADOW : RuleStatus.ACTIVE));
        }
        return rules;
    }

    private interface Matcher {
        int hits(String text);
    }

    private record Run(double docsPerSecond, long hits, int docs) {}

    private static Run measure(Matcher m, List<String> docs, double seconds) {
        long hits = 0;
        int n = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            hits += m.hits(docs.get(n % docs.size()));
            n++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Run(n / elapsed, hits, n);
    }

    /** Same docs, same rules: both must find the same hits. */
    private static long hitsOver(Matcher m, List<String> docs, int n) {
        long hits = 0;
        for (int i = 0; i < n; i++) {
            hits += m.hits(docs.get(i));
        }
        return hits;
    }

    public static void main(String[] args) {
        double warmup = args.length > 0 ? Double.parseDouble(args[0]) : 16;
        double measure = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        RuleEngineBench bench = new RuleEngineBench();
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < DOCS; i++) {
            docs.add(bench.doc());
        }
        Optional<String> any = Optional.of("und");
        List<String> rows = new ArrayList<>();
        for (int count : RULE_COUNTS) {
            RulePack pack = RulePack.of("bench", bench.rules(count));
            long built = System.nanoTime();
            try (RuleEngine engine = RuleEngine.build(pack)) {
                double buildMs = (System.nanoTime() - built) / 1e6;
                NaiveRuleMatcher naive = new NaiveRuleMatcher(pack);
                Matcher monitor = t -> {
                    var r = engine.match(t, any);
                    return r.hits().size() + r.shadowHits().size();
                };
                Matcher loop = t -> naive.matchingRuleIds(t, any).size();
                int check = count >= 10_000 ? 100 : 500;
                long a = hitsOver(monitor, docs, check);
                long b = hitsOver(loop, docs, check);
                if (a != b) {
                    throw new IllegalStateException("engines disagree at " + count + " rules: " + a + " vs " + b);
                }
                if (count == RULE_COUNTS[0] || warmup > 0 && count == 1_000) {
                    System.err.printf("warming up %.0f s at %,d rules ...%n", warmup / 2, count);
                    measure(monitor, docs, warmup / 4);
                    measure(loop, docs, warmup / 4);
                }
                System.err.printf("measuring %,d rules ...%n", count);
                Run m = measure(monitor, docs, measure);
                Run n = measure(loop, docs, measure);
                rows.add(String.format(
                        "| %,7d | %,10.0f | %,9.0f | %6.1fx | %,7.0f ms | %,6.2f | %d/%d |",
                        count,
                        m.docsPerSecond(),
                        n.docsPerSecond(),
                        m.docsPerSecond() / n.docsPerSecond(),
                        buildMs,
                        (double) a / check,
                        a,
                        b));
            }
        }
        System.out.printf(
                "%nRule matching, tweet-sized generated docs (~%d chars), %d cores, Java %s%n",
                docs.stream().mapToInt(String::length).sum() / docs.size(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println(
                "| rules | Monitor docs/s | naive docs/s | speed-up | build | hits/doc | hits agree (monitor/naive) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---|");
        rows.forEach(System.out::println);
    }
}

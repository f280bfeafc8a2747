package org.varsel.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.varsel.contract.Author;
import org.varsel.contract.Labels;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalIds;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RuleMatch;
import org.varsel.pipeline.correlate.BaselineBursts;
import org.varsel.pipeline.correlate.BurstState;
import org.varsel.pipeline.correlate.CoordinatedAccounts;
import org.varsel.pipeline.correlate.CoordinationState;
import org.varsel.pipeline.correlate.CorrelationKeys;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.DetectorReplay;
import org.varsel.pipeline.correlate.MemoryKeyState;
import org.varsel.pipeline.correlate.SingleSignals;
import org.varsel.pipeline.correlate.Waiting;

/**
 * State size of the correlators after N generated signals (default 1,000,000): feeds a synthetic stream (noise,
 * near-duplicate campaigns, link sharing, hashtags with a Zipf-like skew, some harmful categories) through every
 * detector's Flink-free logic with default settings, then reports the keys holding state, their size as Flink would
 * serialise them into a checkpoint, and this JVM's heap after a full GC.
 * {@code bench/run org.varsel.bench.CorrelationMemory [signals] [signals-per-minute]}
 */
public final class CorrelationMemory {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final String[] WORDS =
            ("the they vote election fraud border city mayor police march rally tonight share truth media "
                            + "lies people country stop town stand fight save children news report video watch proof secret ballots counted "
                            + "dead voters machines rigged school church market bridge river train weather lunch coffee music game team win "
                            + "lose goal season film book love family friend work money price rent tax bank job health doctor hospital")
                    .split(" ");

    public static void main(String[] args) {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int perMinute = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        CorrelationSettings settings = CorrelationSettings.defaults();
        CorrelationKeys keys = new CorrelationKeys(settings);
        SingleSignals single = SingleSignals.from(settings);
        long[] incidents = new long[1];
        Duration lateness = Duration.ofMinutes(5);
        DetectorReplay<CoordinationState> coSimilar =
                new DetectorReplay<>(CoordinatedAccounts.coSimilarText(settings), lateness, i -> incidents[0]++);
        DetectorReplay<CoordinationState> coLink =
                new DetectorReplay<>(CoordinatedAccounts.coLink(settings), lateness, i -> incidents[0]++);
        DetectorReplay<BurstState> hashtags =
                new DetectorReplay<>(BaselineBursts.hashtagPush(settings), lateness, i -> incidents[0]++);
        DetectorReplay<BurstState> surge =
                new DetectorReplay<>(BaselineBursts.surge(settings), lateness, i -> incidents[0]++);

        SplittableRandom random = new SplittableRandom(2026);
        List<String> campaignTexts = new ArrayList<>();
        for (int c = 0; c < 2_000; c++) {
            campaignTexts.add(sentence(random, 18));
        }
        System.err.printf(
                "feeding %,d generated signals at %d per minute of event time (%.1f days) ...%n",
                total, perMinute, total / (double) perMinute / 1440);
        long began = System.nanoTime();
        for (long n = 0; n < total; n++) {
            AnalysedSignal signal = generate(random, n, perMinute, campaignTexts);
            keys.coSimilarText(signal).ifPresent(coSimilar::feed);
            keys.coLink(signal).forEach(coLink::feed);
            keys.hashtags(signal).forEach(hashtags::feed);
            keys.surge(signal).forEach(surge::feed);
            single.incident(signal).ifPresent(i -> incidents[0]++);
            if ((n + 1) % 250_000 == 0) {
                System.err.printf(
                        "  %,d signals, %,d incident updates so far; keys with state: co-similar %,d, co-link %,d, hashtag %,d, surge %,d%n",
                        n + 1,
                        incidents[0],
                        coSimilar.states().size(),
                        coLink.states().size(),
                        hashtags.states().size(),
                        surge.states().size());
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;

        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        System.out.printf(
                "%nAfter %,d signals (%.1f days of event time, watermark at the last signal - 5 min), %.1f s of correlation (%,.0f signals/s, one thread):%n",
                total, total / (double) perMinute / 1440, seconds, total / seconds);
        System.out.printf("%-16s %10s %16s %12s%n", "detector", "keys", "state (bytes)", "timers");
        long bytes = 0;
        bytes += report("co-similar-text", coSimilar, CoordinationState.class, config);
        bytes += report("co-link", coLink, CoordinationState.class, config);
        bytes += report("hashtag-push", hashtags, BurstState.class, config);
        bytes += report("surge", surge, BurstState.class, config);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                "serialised state in total: %,d MB; heap used after full GC (state + generator): %,d MB; incident updates emitted: %,d%n",
                bytes / (1 << 20), heap / (1 << 20), incidents[0]);
    }

    static <S> long report(String name, DetectorReplay<S> replay, Class<S> type, SerializerConfigImpl config) {
        TypeSerializer<S> serializer = TypeInformation.of(type).createSerializer(config);
        TypeSerializer<Waiting> waitingSerializer =
                TypeInformation.of(Waiting.class).createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        long bytes = 0;
        try {
            // as a state backend stores it: the head, one entry per member, one entry per waiting signal, each under
            // the key
            for (Map.Entry<String, MemoryKeyState<S>> entry : replay.states().entrySet()) {
                MemoryKeyState<S> state = entry.getValue();
                out.clear();
                out.writeUTF(entry.getKey());
                if (state.head() != null) {
                    serializer.serialize(state.head(), out);
                }
                for (Map.Entry<String, java.util.Set<String>> set :
                        state.memberSets().entrySet()) {
                    for (String member : set.getValue()) {
                        out.writeUTF(set.getKey() + "\u0000" + member);
                    }
                }
                for (Waiting waiting : state.waiting()) {
                    waitingSerializer.serialize(waiting, out);
                }
                bytes += out.length();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.printf("%-16s %,10d %,16d %,12d%n", name, replay.states().size(), bytes, replay.timerCount());
        return bytes;
    }

    /** One signal: 70% noise, 12% campaign copies, 10% link shares, some hashtags, 3% harmful. */
    static AnalysedSignal generate(SplittableRandom random, long n, int perMinute, List<String> campaignTexts) {
        Instant at = T0.plusMillis(n * 60_000 / perMinute + random.nextInt(60_000) - 30_000);
        String account = "acct" + random.nextInt(200_000);
        int kind = random.nextInt(100);
        String text;
        List<String> urls = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<RuleMatch> rules = new ArrayList<>();
        Labels labels = null;
        if (kind < 12) {
            int campaign = (int) ((n / 20_000) * 40 + random.nextInt(40))
                    % campaignTexts.size(); // ~40 live campaigns at a time
            text = campaignTexts.get(campaign)
                    + (random.nextInt(4) == 0 ? " " + WORDS[random.nextInt(WORDS.length)] : "");
        } else {
            text = sentence(random, 8 + random.nextInt(20)) + " " + n;
        }
        if (kind >= 12 && kind < 22) {
            urls.add("https://site" + zipf(random, 5_000) + ".example/article/" + zipf(random, 50_000));
        }
        if (random.nextInt(10) < 4) {
            tags.add("#tag" + zipf(random, 20_000));
        }
        if (kind >= 97) {
            rules.add(new RuleMatch(
                    "r-" + (kind - 96),
                    "rule " + kind,
                    2 + random.nextInt(4),
                    kind == 99 ? "incitement" : "dehumanisation",
                    List.of(),
                    List.of("group-" + random.nextInt(5)),
                    "matched",
                    List.of(),
                    "bench-1",
                    false));
        }
        if (random.nextInt(1000) == 0) {
            labels = new Labels("harassment", List.of(), List.of(), 50 + random.nextInt(50));
        }
        Signal signal = new Signal(
                SignalIds.of("feed:bench", "b-" + n),
                "feed:bench",
                "b-" + n,
                "post",
                at,
                null,
                "x",
                new Author(account, null, null),
                text,
                "en",
                Tlp.GREEN,
                labels,
                null);
        return new AnalysedSignal(
                signal, "en", 1.0, urls, List.of("x"), tags, List.of(), null, Map.of(), null, rules, null);
    }

    static String sentence(SplittableRandom random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    /** A skewed pick in [0, n): small values far more often, like hashtags and sites. */
    static int zipf(SplittableRandom random, int n) {
        return (int) Math.floor(Math.pow(n, random.nextDouble())) - 1;
    }
}

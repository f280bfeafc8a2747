package org.varsel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.IncidentKind;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.io.RawSignalPublisher;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * {@code varsel bench --bursts}: the running job fed in bursts with silences longer than the source idleness between
 * them, as partners push in a live system. Each burst holds one coordinated campaign; the soak reports, per burst,
 * which campaign detectors opened an incident for it, how many, and how soon. A detector that stops firing after a
 * silence (event time stuck or at its end) shows as a row of zeros.
 */
final class BurstSoak {
    static final List<IncidentKind> CAMPAIGN_KINDS =
            List.of(IncidentKind.CO_SIMILAR_TEXT, IncidentKind.CO_LINK, IncidentKind.HASHTAG_PUSH, IncidentKind.SURGE);
    private static final int ACCOUNTS = 12;

    private final LocalKafka kafka;
    private final PipelineSettings settings;
    private final BenchWorkload workload;
    private final int bursts;
    private final Duration pause;
    private final int backgroundSignals;

    BurstSoak(
            LocalKafka kafka,
            PipelineSettings settings,
            BenchWorkload workload,
            int bursts,
            Duration pause,
            int backgroundSignals) {
        this.kafka = kafka;
        this.settings = settings;
        this.workload = workload;
        this.bursts = bursts;
        this.pause = pause;
        this.backgroundSignals = backgroundSignals;
    }

    /** What the soak saw of one burst. */
    record Burst(
            String name,
            long signals,
            Map<IncidentKind, Set<String>> incidents,
            Map<IncidentKind, Double> firstSeconds,
            int updates) {
        boolean detectedOnceByEach() {
            return CAMPAIGN_KINDS.stream()
                    .allMatch(kind -> incidents.getOrDefault(kind, Set.of()).size() == 1);
        }
    }

    void run(JobClient job, PrintStream out) throws Exception {
        List<Burst> seen = new ArrayList<>();
        long background = 0;
        try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), settings.rawTopic());
                KafkaConsumer<byte[], byte[]> incidents =
                        BenchCommand.committedFromStart(kafka, settings.incidentTopic())) {
            for (int b = 1; b <= bursts; b++) {
                String name = "burst" + b;
                long start = System.nanoTime();
                Instant now = Instant.now();
                for (int account = 0; account < ACCOUNTS; account++) {
                    publisher.publish(
                            name + "-" + account, workload.campaignPost(name, account, now), "bench:campaign", now);
                }
                for (int i = 0; i < backgroundSignals; i++) {
                    publisher.publish("soak-" + background, workload.signal(background++, now), "bench:generated", now);
                }
                publisher.flush();
                BenchCommand.progress(
                        "%s: %,d signals published; listening for %d s of silence ...",
                        name, backgroundSignals + ACCOUNTS, pause.toSeconds());
                seen.add(listen(incidents, name, backgroundSignals + ACCOUNTS, start));
            }
        } finally {
            job.cancel().get();
        }
        print(out, seen);
    }

    /** Reads incident updates until the pause is over; counts the campaign incidents of this burst ({@link #ofBurst}). */
    private Burst listen(KafkaConsumer<byte[], byte[]> incidents, String name, long signals, long start)
            throws IOException {
        Map<IncidentKind, Set<String>> ids = new EnumMap<>(IncidentKind.class);
        Map<IncidentKind, Double> first = new EnumMap<>(IncidentKind.class);
        int updates = 0;
        long end = System.nanoTime() + pause.toNanos();
        while (System.nanoTime() < end) {
            for (ConsumerRecord<byte[], byte[]> record : incidents.poll(Duration.ofMillis(200))) {
                updates++;
                Incident incident = IncidentCodec.fromJson(record.value());
                if (CAMPAIGN_KINDS.contains(incident.kind()) && ofBurst(incident, name)) {
                    ids.computeIfAbsent(incident.kind(), k -> new HashSet<>()).add(incident.id());
                    first.putIfAbsent(incident.kind(), (System.nanoTime() - start) / 1e9);
                }
            }
        }
        Burst burst = new Burst(name, signals, ids, first, updates);
        BenchCommand.progress("%s: %s", name, describe(burst));
        return burst;
    }

    /**
     * Whether the incident is the burst's campaign: its evidence holds the burst's posts; for a surge, its key is the
     * burst's target group (a category surge of the background may hold a campaign post too).
     */
    private static boolean ofBurst(Incident incident, String name) {
        if (incident.evidence() == null) {
            return false;
        }
        if (incident.kind() == IncidentKind.SURGE) {
            return ("target:" + name + "-voters")
                    .equals(incident.evidence().coordination().get("surge_key"));
        }
        return incident.evidence().signals().stream()
                .anyMatch(s -> s.externalId().startsWith(name + "-"));
    }

    private static String describe(Burst burst) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (IncidentKind kind : CAMPAIGN_KINDS) {
            int n = burst.incidents().getOrDefault(kind, Set.of()).size();
            parts.put(
                    kind.label(),
                    n == 0
                            ? "none"
                            : String.format(
                                    Locale.ROOT,
                                    "%d after %.1f s",
                                    n,
                                    burst.firstSeconds().get(kind)));
        }
        return parts + ", " + burst.updates() + " incident updates in all";
    }

    private void print(PrintStream out, List<Burst> seen) {
        out.println("varsel bench --bursts: " + BenchMeasures.machine());
        out.printf(
                Locale.ROOT,
                "  %d bursts of %,d signals (one 12-account campaign each), %d s of silence after each; idleness %s;"
                        + " parallelism %d%n",
                bursts,
                backgroundSignals + ACCOUNTS,
                pause.toSeconds(),
                settings.sourceIdleness(),
                settings.parallelism());
        out.printf(
                Locale.ROOT,
                "%-8s %9s %18s %18s %18s %18s %9s%n",
                "burst",
                "signals",
                "co-similar-text",
                "co-link",
                "hashtag-push",
                "surge",
                "updates");
        for (Burst burst : seen) {
            out.printf(Locale.ROOT, "%-8s %,9d", burst.name(), burst.signals());
            for (IncidentKind kind : CAMPAIGN_KINDS) {
                int n = burst.incidents().getOrDefault(kind, Set.of()).size();
                out.printf(
                        Locale.ROOT,
                        " %18s",
                        n == 0
                                ? "-"
                                : String.format(
                                        Locale.ROOT,
                                        "%d (%.1f s)",
                                        n,
                                        burst.firstSeconds().get(kind)));
            }
            out.printf(Locale.ROOT, " %9d%n", burst.updates());
        }
        long detected = seen.stream().filter(Burst::detectedOnceByEach).count();
        out.printf(Locale.ROOT, "bursts=%d detected_once_by_every_campaign_detector=%d%n", seen.size(), detected);
    }
}

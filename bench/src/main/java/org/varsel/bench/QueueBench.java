package org.varsel.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.HandleSearch;
import org.varsel.desk.incident.IncidentStatus;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.incident.QueueFilter;
import org.varsel.desk.incident.QueueStore;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;
import org.varsel.desk.triage.QueueChanges;
import org.varsel.local.LocalPostgres;
import org.varsel.local.PostgresDatabase;

/**
 * How fast the analyst queue answers with many incidents in the store: fills a fresh embedded PostgreSQL with
 * {@code N} incidents (default 100,000) through the desk's own upsert, then times the queue's queries (median of 15
 * runs after 3 warm-ups). {@code bench/run org.varsel.bench.QueueBench [N]}.
 */
public final class QueueBench {
    private static final String[] CATEGORIES = {
        "dehumanisation",
        "incitement",
        "threat",
        "influence-operation",
        "terrorist-content",
        "dangerous-speech",
        "offensive"
    };
    private static final String[] PLATFORMS = {"x", "telegram", "facebook", "tiktok", "youtube"};
    private static final String[] LANGUAGES = {"da", "en", "de", "sv"};
    private static final String[] WORDS = ("they are vermin invaders rally election ministry letter fake vote "
                    + "mosque church school police attack burn home go back traitors flood parasites video link channel "
                    + "minister journalist bomb water supply poisoned crowd march tonight")
            .split(" ");

    private QueueBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (LocalPostgres postgres = LocalPostgres.builder().start()) {
            PostgresDatabase db = postgres.createDatabase("queue_bench");
            try (Database database = Database.open(db.jdbcUrl(), db.user(), db.password())) {
                long began = System.nanoTime();
                fill(database, n);
                System.out.printf("stored %,d incidents in %.1f s%n", n, (System.nanoTime() - began) / 1e9);
                try (var connection = database.dataSource().getConnection();
                        var statement = connection.createStatement()) {
                    statement.execute("VACUUM ANALYZE incident");
                    statement.execute("UPDATE incident SET status = 'triaging' WHERE id LIKE 'inc-bench-1%'");
                }
                QueueStore queue =
                        new QueueStore(database, HandleSearch.withKey("queue-bench-key-of-at-least-32-characters"));
                QueueFilter none = QueueFilter.none();
                Visibility all = Visibility.all();
                time("first page, queue order", () -> firstPage(queue, none));
                time("first page, newest", () -> queue.list(none, QueueStore.Order.NEWEST, 50, 0, all));
                time("page 201 (offset 10,000)", () -> queue.list(none, QueueStore.Order.QUEUE, 50, 10_000, all));
                time("status = triaging", () -> firstPage(queue, none.withStatus(IncidentStatus.TRIAGING)));
                time("category = threat", () -> firstPage(queue, only(Part.CATEGORY, "threat")));
                time("full text: common word (vermin)", () -> firstPage(queue, only(Part.TEXT, "vermin")));
                time("full text: rare word", () -> firstPage(queue, only(Part.TEXT, "needle42")));
                time("rule = r-17", () -> firstPage(queue, only(Part.RULE, "r-17")));
                time("platform = TikTok (any case)", () -> firstPage(queue, only(Part.PLATFORM, "tiktok")));
                time("handle @someone (pseudonymised)", () -> firstPage(queue, only(Part.HANDLE, "@someone")));
                time(
                        "partner ngo-3 (partner's own view)",
                        () -> queue.list(none, QueueStore.Order.QUEUE, 50, 0, Visibility.partner("ngo-3")));
                time("counts per status", () -> queue.countsByStatus(none, all));
                QueuedIncident one =
                        queue.find("inc-bench-12345", all).orElseThrow().incident();
                time("related incidents", () -> queue.related(one, all));
                QueueChanges changes = new QueueChanges(new AuditLog(database), new IncidentStore(database));
                Optional<QueueChanges.Stamp> since = Optional.of(new QueueChanges.Stamp(0, 0));
                time("changes since (auto-refresh poll)", () -> changes.since(since));
                try (var connection = database.dataSource().getConnection();
                        var statement = connection.createStatement()) {
                    statement.execute("DROP INDEX incident_stored_at"); // what the poll would cost without V14's index
                }
                time("changes since, without V14's index", () -> changes.since(since));
            }
        }
    }

    /** The parts of the queue's filter this bench narrows by, one at a time. */
    private enum Part {
        CATEGORY,
        PLATFORM,
        RULE,
        TEXT,
        HANDLE
    }

    private static QueueFilter only(Part part, String value) {
        Optional<String> no = Optional.empty();
        return new QueueFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                part == Part.CATEGORY ? Optional.of(value) : no,
                part == Part.PLATFORM ? Optional.of(value) : no,
                no,
                no,
                part == Part.RULE ? Optional.of(value) : no,
                no,
                Optional.empty(),
                Optional.empty(),
                part == Part.TEXT ? Optional.of(value) : no,
                part == Part.HANDLE ? Optional.of(value) : no);
    }

    private static Object firstPage(QueueStore queue, QueueFilter filter) throws Exception {
        return queue.list(filter, QueueStore.Order.QUEUE, 50, 0, Visibility.all());
    }

    private static void fill(Database database, int n) throws Exception {
        Random random = new Random(42);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        List<Incident> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant first = start.plusSeconds(random.nextInt(180 * 86_400));
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
            String source = "partner:ngo-" + random.nextInt(20);
            String text = sentence(random) + (i % 10_000 == 42 ? " needle42" : "");
            String rule = "r-" + random.nextInt(40);
            String author = "acct" + random.nextInt(50_000);
            Incident.EvidenceSignal signal = new Incident.EvidenceSignal(
                    "sig-" + i,
                    source,
                    "e-" + i,
                    first,
                    "https://x.com/" + author + "/status/" + i,
                    platform,
                    author,
                    text,
                    "da",
                    Tlp.AMBER,
                    category,
                    List.of(rule),
                    List.of(),
                    Map.of("hateful", random.nextDouble()));
            Tier tier = Tier.values()[Math.min(4, random.nextInt(12) / 2)];
            batch.add(Incident.builder()
                    .id("inc-bench-" + i)
                    .kind(IncidentKind.values()[random.nextInt(6)])
                    .title(sentence(random))
                    .firstSeen(first)
                    .lastSeen(first.plusSeconds(600))
                    .updatedAt(first.plusSeconds(600))
                    .signalCount(5)
                    .accountCount(3)
                    .sources(List.of(source, "feed:rss"))
                    .platforms(List.of(platform))
                    .languages(List.of(LANGUAGES[random.nextInt(4)]))
                    .categories(List.of(category))
                    .disarm(List.of("T0049"))
                    .hashtags(List.of("#" + WORDS[random.nextInt(WORDS.length)]))
                    .urls(List.of("https://e.org/" + random.nextInt(20_000)))
                    .ruleHits(List.of(new Incident.RuleHitSummary(rule, "Rule " + rule, 3, category, "pack-1", 1)))
                    .classifier(new Incident.ClassifierSummary("doccat-1", Map.of("hateful", 0.5)))
                    .evidence(new Incident.Evidence(
                            List.of(signal), List.of(author), List.of(new Incident.TimelineBucket(first, 5)), Map.of()))
                    .severity(random.nextInt(101))
                    .tier(tier)
                    .tlp(Tlp.AMBER)
                    .explanation("Bench incident: " + sentence(random))
                    .build());
            if (batch.size() == 1_000) {
                new IncidentStore(database).upsert(batch);
                batch.clear();
            }
        }
        new IncidentStore(database).upsert(batch);
    }

    private static String sentence(Random random) {
        String[] words = new String[8];
        Arrays.setAll(words, i -> WORDS[random.nextInt(WORDS.length)]);
        return String.join(" ", words);
    }

    @FunctionalInterface
    private interface Query {
        Object run() throws Exception;
    }

    private static void time(String what, Query query) throws Exception {
        for (int i = 0; i < 3; i++) {
            query.run();
        }
        long[] nanos = new long[15];
        for (int i = 0; i < nanos.length; i++) {
            long began = System.nanoTime();
            query.run();
            nanos[i] = System.nanoTime() - began;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%-40s median %6.1f ms   max %6.1f ms%n",
                what, nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6);
    }
}

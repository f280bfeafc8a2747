package org.varsel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.varsel.contract.Json;
import org.varsel.contract.Tlp;
import org.varsel.contract.Topics;
import org.varsel.desk.Desk;
import org.varsel.desk.config.DeskSettings;
import org.varsel.desk.intake.IntakeConfig;
import org.varsel.local.LocalKafka;
import org.varsel.local.LocalPostgres;
import org.varsel.local.PostgresDatabase;

/**
 * Intake throughput on this machine: starts a Kafka broker, PostgreSQL and a desk, then sends signals one per
 * request (1 and 4 clients) and in bulk (JSONL and CSV, one request each), and prints signals/s. Everything runs on
 * the same machine, so the figures are the whole system's, broker and database included.
 *
 * <p>{@code bench/run org.varsel.bench.IntakeBench [single-count] [bulk-lines]} (defaults 5000 and 100000).
 */
public final class IntakeBench {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OBSERVED = Instant.now().minusSeconds(3600).toString();

    private IntakeBench() {}

    public static void main(String[] args) throws Exception {
        int singles = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int bulkLines = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        try (LocalKafka kafka = LocalKafka.builder().start();
                LocalPostgres postgres = LocalPostgres.builder().start()) {
            kafka.createTopics(2, Topics.SIGNALS_RAW, Topics.SIGNALS_DLQ, Topics.INCIDENTS);
            PostgresDatabase database = postgres.createDatabase("intake_bench");
            Map<String, String> keys = DeskSettings.embedded(
                    database.jdbcUrl(), database.user(), database.password(), kafka.bootstrapServers());
            keys.put(IntakeConfig.REQUESTS_PER_MINUTE, "100000000");
            keys.put(IntakeConfig.BURST, "100000000");
            try (Desk desk = Desk.start(DeskSettings.fromMap(keys))) {
                String token = desk.credentials()
                        .createPartner("bench", "Bench", Optional.empty(), Tlp.GREEN, "b")
                        .token();
                int port = desk.port();
                System.out.println("warming up ...");
                singles(port, token, "warm", Math.min(singles, 2_000), 4);
                bulk(port, token, "warm", 20_000, false);
                List<String> rows = new ArrayList<>();
                rows.add(row("single, 1 client", singles, singles(port, token, "s1", singles, 1)));
                rows.add(row("single, 4 clients", singles, singles(port, token, "s4", singles, 4)));
                rows.add(row("bulk JSONL, 1 request", bulkLines, bulk(port, token, "bj", bulkLines, false)));
                rows.add(row("bulk CSV, 1 request", bulkLines, bulk(port, token, "bc", bulkLines, true)));
                rows.add(row(
                        "bulk JSONL replayed (all duplicates)", bulkLines, bulk(port, token, "bj", bulkLines, false)));
                System.out.println();
                System.out.println("| mode | signals | seconds | signals/s |");
                System.out.println("|---|---|---|---|");
                rows.forEach(System.out::println);
            }
        }
    }

    private static String row(String mode, int count, Duration took) {
        double seconds = took.toNanos() / 1e9;
        return String.format("| %s | %,d | %.1f | %,.0f |", mode, count, seconds, count / seconds);
    }

    private static Duration singles(int port, String token, String prefix, int count, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                long i;
                while ((i = next.getAndIncrement()) < count) {
                    HttpResponse<String> response = HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/signals"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json(prefix + "-" + i)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("unexpected " + response.statusCode() + ": " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Duration bulk(int port, String token, String prefix, int lines, boolean csv) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream(lines * 300);
        if (csv) {
            body.writeBytes("external_id,observed_at,url,text,tlp\n".getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < lines; i++) {
            String id = prefix + "-" + i;
            String line = csv
                    ? id + "," + OBSERVED + ",https://x.example/p/" + id + ",\"" + text(i) + "\",GREEN\n"
                    : json(id) + "\n";
            body.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        }
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/signals/bulk"))
                        .timeout(Duration.ofMinutes(10))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", csv ? "text/csv" : "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        JsonNode report = Json.mapper().readTree(response.body());
        if (response.statusCode() != 200
                || report.get("accepted").asLong() + report.get("duplicates").asLong() != lines) {
            throw new IllegalStateException("bulk did not take every line: " + response.statusCode() + " "
                    + report.get("accepted") + " accepted, " + report.get("rejected") + " rejected");
        }
        return took;
    }

    private static String json(String id) {
        return "{\"external_id\":\"" + id + "\",\"observed_at\":\"" + OBSERVED + "\",\"url\":\"https://x.example/p/"
                + id + "\",\"text\":\"" + text(id.hashCode()) + "\",\"tlp\":\"GREEN\",\"language\":\"en\"}";
    }

    /** About 150 characters, like a post. */
    private static String text(int seed) {
        return "They are flooding our town again, share before it is deleted #" + Math.abs(seed % 97)
                + " everyone must see what these people are doing to us, do not let them";
    }
}

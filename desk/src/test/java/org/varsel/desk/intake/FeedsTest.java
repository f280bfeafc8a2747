package org.varsel.desk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.intake.IntakeTestSupport.await;
import static org.varsel.desk.intake.IntakeTestSupport.rawRecords;
import static org.varsel.desk.intake.IntakeTestSupport.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.contract.Json;
import org.varsel.desk.Desk;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class FeedsTest {
    private static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Test ministry</title><link>http://127.0.0.1/</link><description>d</description>
        <item><title>Statement on the riots</title><link>https://ministry.example/news/1</link>
          <guid>https://ministry.example/news/1</guid><pubDate>Sat, 01 Mar 2025 10:00:00 GMT</pubDate>
          <description>&lt;p&gt;Calm &amp;amp; order&lt;/p&gt;</description></item>
        <item><title>Rumour debunked</title><link>https://ministry.example/news/2</link>
          <guid>https://ministry.example/news/2</guid><pubDate>Sat, 01 Mar 2025 11:00:00 GMT</pubDate></item>
      </channel></rss>
      """;

    @Test
    void anRssFeedServedLocallyIsSentOnceHoweverOftenItIsPolled(
            LocalKafka kafka, PostgresDatabase database, @TempDir Path directory) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger polls = new AtomicInteger();
        server.createContext("/feed.xml", exchange -> {
            polls.incrementAndGet();
            byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Path feeds = directory.resolve("feeds.yaml");
        Files.writeString(feeds, """
        feeds:
          - name: test-ministry
            rss: http://127.0.0.1:%d/feed.xml
            every: PT0.2S
            tlp: CLEAR
            language: en
            allow_private_hosts: [127.0.0.1]
        """.formatted(server.getAddress().getPort()));
        try (Desk desk = start(kafka, database, feeds)) {
            await(
                    Duration.ofSeconds(30),
                    "the feed's two items are on the raw topic",
                    () -> rawRecords(kafka, "feed:test-ministry/").size() == 2);
            int seen = polls.get();
            await(Duration.ofSeconds(30), "the feed was polled three more times", () -> polls.get() >= seen + 3);
            assertThat(rawRecords(kafka, "feed:test-ministry/")).hasSize(2);
            JsonNode first = Json.mapper()
                    .readTree(rawRecords(kafka, "feed:test-ministry/https://ministry.example/news/1")
                            .get(0)
                            .value());
            assertThat(first.get("text").asText()).isEqualTo("Statement on the riots\n\nCalm & order");
            assertThat(first.get("kind").asText()).isEqualTo("article");
            assertThat(first.get("tlp").asText()).isEqualTo("CLEAR");
            assertThat(first.get("language").asText()).isEqualTo("en");
            assertThat(first.get("observed_at").asText()).isEqualTo("2025-03-01T10:00:00Z");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDropFolderReadAgainAfterARestartSendsNothingTwice(
            LocalKafka kafka, PostgresDatabase database, @TempDir Path directory) throws Exception {
        Path drop = Files.createDirectories(directory.resolve("drop"));
        Path feeds = directory.resolve("feeds.yaml");
        Files.writeString(feeds, """
        feeds:
          - name: test-drop
            folder: drop
            every: PT0.2S
            tlp: GREEN
        """);
        String lines = signal("drop-1") + "\n{\"external_id\":\"drop-bad\"}\n" + signal("drop-2") + "\n";
        Files.writeString(drop.resolve("a.jsonl"), lines);
        Path processed = drop.resolve("processed");
        try (Desk desk = start(kafka, database, feeds)) {
            await(Duration.ofSeconds(30), "a.jsonl is processed", () -> Files.exists(processed.resolve("a.jsonl")));
        }
        assertThat(rawRecords(kafka, "feed:test-drop/")).hasSize(2);
        List<String> results = Files.readAllLines(processed.resolve("a.jsonl.results.jsonl"));
        assertThat(results).hasSize(4);
        assertThat(results.get(1)).contains("\"line\":2").contains("\"status\":\"rejected\"");
        assertThat(results.get(3)).contains("\"summary\"").contains("\"accepted\":2");

        // as if the desk had died after sending a.jsonl but before moving it: the same file is there again
        Files.move(processed.resolve("a.jsonl"), drop.resolve("a.jsonl"));
        Files.writeString(drop.resolve("b.csv"), "external_id,observed_at,text\ndrop-3,2025-03-01T10:00:00Z,hello\n");
        try (Desk restarted = start(kafka, database, feeds)) {
            await(
                    Duration.ofSeconds(30),
                    "both files are processed",
                    () -> Files.exists(processed.resolve("a.jsonl")) && Files.exists(processed.resolve("b.csv")));
        }
        assertThat(rawRecords(kafka, "feed:test-drop/")).hasSize(3);
        assertThat(Files.readString(processed.resolve("a.jsonl.results.jsonl"))).contains("\"duplicates\":2");
    }

    private static Desk start(LocalKafka kafka, PostgresDatabase database, Path feeds) {
        return Desk.start(IntakeTestSupport.config(kafka, database, Map.of(IntakeConfig.FEEDS_FILE, feeds.toString())));
    }
}

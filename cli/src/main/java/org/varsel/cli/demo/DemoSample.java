package org.varsel.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.varsel.contract.Json;
import org.varsel.contract.SignalIds;
import org.varsel.pipeline.io.RawSignalPublisher;

/**
 * The demo's signals: lines of {@code {"partner": id, "signal": {...}}}, published as if each partner had sent
 * them. Timestamps are moved so the newest signal is a few minutes old: the sample always looks recent.
 */
public final class DemoSample {
    public static final String BUNDLED = "/demo/sample-signals.jsonl";

    /** One sample line: which partner sends it, and the signal body. */
    public record Entry(String partner, ObjectNode signal) {}

    private final List<Entry> entries;

    private DemoSample(List<Entry> entries) {
        this.entries = entries;
    }

    public static DemoSample bundled() throws IOException {
        try (InputStream in = DemoSample.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException("the bundled sample " + BUNDLED + " is missing from the classpath");
            }
            return read(in, BUNDLED);
        }
    }

    public static DemoSample fromFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    private static DemoSample read(InputStream in, String name) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = Json.mapper().readTree(line);
            if (!node.path("partner").isTextual() || !node.path("signal").isObject()) {
                throw new IOException(
                        name + ":" + lineNumber + ": expected {\"partner\": \"<id>\", \"signal\": {...}}");
            }
            entries.add(new Entry(node.get("partner").asText(), (ObjectNode) node.get("signal")));
        }
        return new DemoSample(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Publishes every entry, shifted in time so that the newest observed_at is {@code now - 2 min}; returns the count. */
    public int publish(RawSignalPublisher publisher, Instant now) throws Exception {
        Duration shift = Duration.between(newest(), now.minus(Duration.ofMinutes(2)));
        for (Entry entry : entries) {
            ObjectNode signal = entry.signal().deepCopy();
            observedAt(signal)
                    .ifPresent(at -> signal.put("observed_at", at.plus(shift).toString()));
            String source = "partner:" + entry.partner();
            publisher.publish(
                    SignalIds.rawKey(source, signal.path("external_id").asText()),
                    signal.toString().getBytes(StandardCharsets.UTF_8),
                    source,
                    now);
        }
        publisher.flush();
        return entries.size();
    }

    private Instant newest() {
        return entries.stream()
                .map(e -> observedAt(e.signal()))
                .flatMap(java.util.Optional::stream)
                .max(Instant::compareTo)
                .orElse(Instant.now());
    }

    /** The entry's timestamp if it is a valid one; deliberately broken sample lines stay broken. */
    private static java.util.Optional<Instant> observedAt(ObjectNode signal) {
        try {
            return java.util.Optional.of(
                    OffsetDateTime.parse(signal.path("observed_at").asText()).toInstant());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}

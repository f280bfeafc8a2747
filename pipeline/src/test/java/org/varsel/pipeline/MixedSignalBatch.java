package org.varsel.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.SignalIds;
import org.varsel.pipeline.correlate.IncidentIds;
import org.varsel.pipeline.io.RawSignal;
import org.varsel.pipeline.io.RawSignalPublisher;

/**
 * 1,000 raw signals from three partners as a test fixture: 950 valid and labelled with confidence ≥ 80 (each must
 * become exactly one partner-assessment incident; together they are one surge, {@link #EXPECTED_SURGE}), 50 malformed
 * in ten different ways (each must become a dead letter with its reason), plus 20
 * replays of valid signals that must not count twice. Published to a broker or read as records (no broker).
 */
public final class MixedSignalBatch {
    public static final int VALID = 950;
    public static final int MALFORMED = 50;
    /** Valid signals the batch sends twice (a partner's retry). */
    public static final int REPLAYS = 20;
    /**
     * The one surge the batch also is: 950 signals labelled incitement by 97 accounts within 16 minutes, opened in the
     * 10:00 bucket. Every valid signal has a partner confidence of 80 or more, so each is also its own incident.
     */
    public static final String EXPECTED_SURGE =
            IncidentIds.of(IncidentKind.SURGE, "category:incitement@2026-11-20T10:00:00Z");

    static final Instant RECEIVED = Instant.parse("2026-11-20T12:00:00Z");
    static final String[] PARTNERS = {"partner:ngo-a", "partner:ngo-b", "partner:ngo-c"};
    static final String[] TLPS = {"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"};

    /** A malformed record, the source header it travels with, and what its dead letter's reason must say. */
    public record Malformed(byte[] body, String source, String reasonSays) {}

    private final Set<String> expectedIncidentIds = new HashSet<>();
    private final Map<String, Malformed> malformedByBase64 = new HashMap<>();

    /** Publishes the batch; afterwards the expectations are known. */
    public void publishTo(RawSignalPublisher publisher) throws Exception {
        publishTo(publisher, sent -> {});
    }

    /** Publishes the batch as a stream: {@code afterEach} hears how many records were sent so far (to pace them). */
    public void publishTo(RawSignalPublisher publisher, IntConsumer afterEach) throws Exception {
        send((key, body, source) -> publisher.publish(key, body, source, RECEIVED), afterEach);
        publisher.flush();
    }

    /** The batch as the raw records a Kafka source would read from one partition of {@code topic}, in publishing order. */
    public List<RawSignal> records(String topic) throws Exception {
        List<RawSignal> records = new ArrayList<>();
        send(
                (key, body, source) -> records.add(new RawSignal(body, source, RECEIVED, topic, 0, records.size())),
                sent -> {});
        return records;
    }

    /** Where the batch goes, one record at a time. */
    @FunctionalInterface
    private interface Sender {
        void send(String key, byte[] body, String source) throws Exception;
    }

    private void send(Sender sender, IntConsumer afterEach) throws Exception {
        int malformedSent = 0;
        int sent = 0;
        for (int i = 0; i < VALID + MALFORMED; i++) {
            if (i % 20 == 7) {
                Malformed bad = malformed(malformedSent % 10, i);
                sender.send("bad-" + i, bad.body(), bad.source());
                malformedByBase64.put(Base64.getEncoder().encodeToString(bad.body()), bad);
                malformedSent++;
            } else {
                String source = PARTNERS[i % PARTNERS.length];
                byte[] body = valid(i).getBytes(StandardCharsets.UTF_8);
                sender.send(source + "/s-" + i, body, source);
                expectedIncidentIds.add(
                        IncidentIds.of(IncidentKind.PARTNER_ASSESSMENT, SignalIds.of(source, "s-" + i)));
                if (i % 50 == 0) { // a partner's retry of the same signal
                    sender.send(source + "/s-" + i, body, source);
                    afterEach.accept(++sent);
                }
            }
            afterEach.accept(++sent);
        }
        if (malformedSent != MALFORMED || expectedIncidentIds.size() != VALID) {
            throw new IllegalStateException(
                    "fixture is off: " + malformedSent + " malformed, " + expectedIncidentIds.size() + " valid");
        }
    }

    public Set<String> expectedIncidentIds() {
        return Set.copyOf(expectedIncidentIds);
    }

    /** The malformed record whose original bytes (base64) a dead letter carries, if it is one of ours. */
    public Malformed malformedWithBytes(String base64) {
        return malformedByBase64.get(base64);
    }

    static String valid(int i) {
        return """
        {"external_id": "s-%d", "kind": "post", "observed_at": "2026-11-20T10:%02d:%02dZ",
         "url": "https://x.com/acct%d/status/%d", "platform": "x", "author": {"handle": "acct%d"},
         "text": "Signal number %d", "language": "en", "tlp": "%s",
         "labels": {"category": "incitement", "disarm": ["T0049"], "confidence": %d}}
        """.formatted(i, (i / 60) % 60, i % 60, i % 97, i, i % 97, i, TLPS[i % TLPS.length], 80 + i % 20);
    }

    static Malformed malformed(int kind, int i) {
        String ok = "partner:ngo-a";
        return switch (kind) {
            case 0 ->
                new Malformed(
                        ("{\"external_id\": \"bad-" + i + "\", ").getBytes(StandardCharsets.UTF_8), ok, "not JSON");
            case 1 -> new Malformed(new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}, ok, "not valid UTF-8");
            case 2 -> new Malformed(json("{\"external_id\":\"bad-%d\",\"text\":\"x\"}", i), ok, "observed_at");
            case 3 ->
                new Malformed(
                        json(
                                "{\"external_id\":\"bad-%d\",\"observed_at\":\"2026-11-20T10:00:00Z\",\"text\":\"x\",\"tlp\":\"WHITE\"}",
                                i),
                        ok,
                        "tlp");
            case 4 ->
                new Malformed(
                        json("{\"external_id\":\"bad-%d\",\"observed_at\":\"2030-01-01T00:00:00Z\",\"text\":\"x\"}", i),
                        ok,
                        "in the future");
            case 5 ->
                new Malformed(
                        json("{\"external_id\":\"bad-%d\",\"observed_at\":\"2026-11-20T10:00:00Z\",\"text\":\"x\"}", i),
                        null,
                        "no source");
            case 6 -> new Malformed(new byte[0], ok, "empty record");
            case 7 -> new Malformed(json("[{\"external_id\":\"bad-%d\"}]", i), ok, "JSON object");
            case 8 ->
                new Malformed(
                        json(
                                "{\"external_id\":\"bad-%d\",\"observed_at\":\"2026-11-20T10:00:00Z\",\"text\":\""
                                        + "y".repeat(70_000) + "\"}",
                                i),
                        ok,
                        "too large");
            default ->
                new Malformed(
                        json("{\"external_id\":\"bad-%d\",\"observed_at\":\"2026-11-20T10:00:00Z\"}", i),
                        ok,
                        "invalid signal");
        };
    }

    private static byte[] json(String template, int i) {
        return template.formatted(i).getBytes(StandardCharsets.UTF_8);
    }
}

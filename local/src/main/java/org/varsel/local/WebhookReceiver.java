package org.varsel.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP endpoint in the test's JVM (JDK {@code com.sun.net.httpserver}) that records every request a webhook
 * sends it and answers with the statuses it is told to (then 200), so a test can see retries.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        /** A header's first value, by name in any case; empty string when absent. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse("");
        }
    }

    private final HttpServer server;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Integer> answers;
    private final AtomicInteger calls = new AtomicInteger();

    private WebhookReceiver(List<Integer> answers) throws IOException {
        this.answers = List.copyOf(answers);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            int call = calls.getAndIncrement();
            exchange.sendResponseHeaders(call < this.answers.size() ? this.answers.get(call) : 200, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers 200 to every request. */
    public static WebhookReceiver start() {
        return answering(List.of());
    }

    /** Answers the first requests with these statuses, then 200. */
    public static WebhookReceiver answering(List<Integer> firstStatuses) {
        try {
            return new WebhookReceiver(firstStatuses);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook receiver", e);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The next request, waiting up to {@code timeout}; fails the test when none came. */
    public Received next(Duration timeout) throws InterruptedException {
        Received next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no webhook request within " + timeout);
        }
        return next;
    }

    /** Every request received and not taken with {@link #next} yet. */
    public List<Received> drain() {
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

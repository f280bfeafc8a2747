package org.varsel.desk.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The desk's metrics, as Prometheus reads them at {@value #PATH}: HTTP requests by route and status, intake outcomes
 * (counted where signals are taken), the incident consumer's lag, the database pool (HikariCP's own meters) and the
 * JVM. One registry per desk, so that desks in one JVM (tests) keep their counts apart.
 */
public final class DeskMetrics implements AutoCloseable {
    /** Where Prometheus scrapes; it needs a lead's or an admin's token, as every call but {@code /healthz} does. */
    public static final String PATH = "/metrics";

    private static final String STARTED = "varsel.request-started-nanos";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public DeskMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The incident consumer's lag as the health check sees it; absent (no poll yet) reads as NaN, not as zero. */
    void watch(HealthCheck health) {
        Gauge.builder(
                        "varsel.desk.incident.consumer.lag",
                        health,
                        h -> h.consumer().lag().isPresent() ? h.consumer().lag().getAsLong() : Double.NaN)
                .description("Records of varsel.incidents the desk has not stored yet")
                .register(registry);
    }

    void requestStarted(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    /**
     * Times the request under its route's pattern ({@code /api/v1/incidents/{id}}), never its path, so that ids do not
     * each make a series; a request that matched no route counts as {@code unmatched}.
     */
    void requestEnded(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        String route = ctx.endpointHandlerPath();
        Timer.builder("http.server.requests")
                .description("HTTP requests the desk answered, by route and status")
                .tag("method", ctx.method().name())
                .tag("route", route.isEmpty() || route.equals("*") ? "unmatched" : route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** The text format Prometheus reads. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}

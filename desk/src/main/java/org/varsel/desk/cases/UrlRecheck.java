package org.varsel.desk.cases;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.desk.intake.feed.FeedAddressGuard;

/**
 * Looks again, on a schedule, at every URL an open case reported and records the HTTP status it answers with (404 or
 * 410: the platform took it down). Redirects are recorded, not followed, and every URL passes {@link FeedAddressGuard}
 * first, so a reported URL can never make the desk call into its own network.
 */
public final class UrlRecheck implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UrlRecheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final CaseStore store;
    private final FeedAddressGuard guard;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "case-url-recheck");
        thread.setDaemon(true);
        return thread;
    });

    public UrlRecheck(CaseStore store, CaseConfig config) {
        this.store = store;
        this.guard = new FeedAddressGuard(config.allowPrivateHosts());
    }

    /** Checks every interval, the first time one interval after the start, on one replica of the cluster. */
    public static UrlRecheck start(CaseStore store, CaseConfig config, OncePerCluster once) {
        UrlRecheck recheck = new UrlRecheck(store, config);
        long every = config.recheckInterval().toMillis();
        recheck.scheduler.scheduleWithFixedDelay(
                () -> once.run("case-url-recheck", recheck::runOnceLogged), every, every, TimeUnit.MILLISECONDS);
        return recheck;
    }

    /** Checks every URL of every open case once; returns how many were checked. */
    public int runOnce() throws SQLException {
        int checked = 0;
        for (CaseStore.ReportedUrl reported : store.openUrls()) {
            check(reported);
            checked++;
        }
        return checked;
    }

    private void runOnceLogged() {
        try {
            LOG.info("re-checked {} reported URLs", runOnce());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("re-checking reported URLs failed; trying again next interval", e);
        }
    }

    private void check(CaseStore.ReportedUrl reported) throws SQLException {
        OptionalInt status = OptionalInt.empty();
        Optional<String> error = Optional.empty();
        try {
            URI uri = new URI(reported.url());
            guard.check(uri);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("User-Agent", "Varsel desk re-check")
                    .GET()
                    .build();
            status = OptionalInt.of(
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            error = Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        store.recordCheck(reported.caseId(), reported.url(), status, error);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

package org.varsel.desk.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Json;
import org.varsel.desk.db.OutboxDrain;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;

/**
 * Delivers pending threat-to-life alerts to the configured webhook on its own thread: a JSON POST per alert, retried
 * with doubling backoff, every attempt recorded. It reads the outbox the database fills, so the incident consumer
 * never waits for it, and a desk restart resumes where it stopped.
 */
public final class AlertWebhook implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhook.class);
    static final String SCHEMA = "varsel.alert.v1";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than one attempt can take, so a replica that dies mid-attempt leaves the alert due again soon. */
    private static final Duration LEASE = Duration.ofMinutes(1);

    private static final int BATCH = 20;

    private final URI url;
    private final AlertConfig config;
    private final Alerts alerts;
    private final IncidentStore incidents;
    // never follows a redirect: only the operator's URL is called
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private OutboxDrain drain;

    private AlertWebhook(URI url, AlertConfig config, Alerts alerts, IncidentStore incidents) {
        this.url = url;
        this.config = config;
        this.alerts = alerts;
        this.incidents = incidents;
    }

    /** Starts delivering when a webhook is configured; none: alerts stay on the banner only. */
    public static Optional<AlertWebhook> start(AlertConfig config, Alerts alerts, IncidentStore incidents) {
        if (config.webhookUrl().isEmpty()) {
            LOG.info("no {}: threat-to-life alerts show as the desk's banner only", AlertConfig.WEBHOOK_URL);
            return Optional.empty();
        }
        AlertWebhook webhook = new AlertWebhook(config.webhookUrl().get(), config, alerts, incidents);
        webhook.drain = OutboxDrain.start("desk-alert-webhook", () -> alerts.claimDue(BATCH, LEASE), webhook::deliver);
        return Optional.of(webhook);
    }

    @Override
    public void close() {
        drain.close();
    }

    private void deliver(Alerts.Due due) throws SQLException, InterruptedException {
        Optional<QueuedIncident> incident = incidents.find(due.incidentId(), Visibility.all());
        Delivery outcome;
        if (incident.isEmpty()) {
            outcome = Delivery.failed(due.attempt(), "the incident no longer exists (erased or purged)");
            alerts.recordAttempt(due, outcome, Optional.empty());
            return;
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "varsel-desk")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                            Json.mapper().writeValueAsBytes(payload(due, incident.get()))));
            config.secret().ifPresent(secret -> request.header(config.secretHeader(), secret));
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            outcome = Delivery.answered(due.attempt(), response.statusCode());
        } catch (IOException e) {
            outcome = Delivery.failed(due.attempt(), "cannot reach the webhook: " + e);
        }
        boolean attemptsLeft = due.attempt() < config.maxAttempts();
        Optional<Instant> retryAt = !outcome.delivered() && attemptsLeft
                ? Optional.of(Instant.now().plus(config.backoffAfter(due.attempt())))
                : Optional.empty();
        alerts.recordAttempt(due, outcome, retryAt);
        if (!outcome.delivered()) {
            LOG.warn(
                    "alert webhook: attempt {} for {} failed ({}); {}",
                    due.attempt(),
                    due.incidentId(),
                    outcome.error().orElse(""),
                    retryAt.map(at -> "retrying at " + at).orElse("no attempts left"));
        }
    }

    /**
     * What the receiver learns: the incident's labels and where to look, never its evidence text or accounts (nor its
     * title, which quotes the shared text of a co-similar campaign).
     */
    static ObjectNode payload(Alerts.Due due, QueuedIncident queued) {
        JsonNode incident = queued.payload();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("schema", SCHEMA);
        body.put("incident_id", due.incidentId());
        body.put("raised_at", due.raisedAt().toString());
        body.put("attempt", due.attempt());
        body.put("desk_path", "/incidents/" + due.incidentId());
        for (String field : List.of(
                "version",
                "kind",
                "tier",
                "severity",
                "tlp",
                "first_seen",
                "last_seen",
                "categories",
                "hallmarks",
                "tcap",
                "target_groups",
                "languages",
                "platforms")) {
            if (incident.has(field)) {
                body.set(field, incident.get(field));
            }
        }
        return body;
    }
}

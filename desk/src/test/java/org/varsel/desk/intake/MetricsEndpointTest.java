package org.varsel.desk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.intake.IntakeTestSupport.get;
import static org.varsel.desk.intake.IntakeTestSupport.post;
import static org.varsel.desk.intake.IntakeTestSupport.signal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Tlp;
import org.varsel.desk.Desk;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** {@code /metrics}: what Prometheus scrapes from the desk, and that only a lead or an admin may scrape it. */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class MetricsEndpointTest {
    private static final String JSON = "application/json";

    @Test
    void prometheusScrapesRequestsByRouteIntakeOutcomesTheConsumerLagAndThePoolWithALeadsToken(
            LocalKafka kafka, PostgresDatabase database) throws Exception {
        try (Desk desk = Desk.start(IntakeTestSupport.config(kafka, database))) {
            int port = desk.port();
            String partner = desk.credentials()
                    .createPartner("metrics-ngo", "NGO", Optional.empty(), Tlp.GREEN, "t")
                    .token();
            String analyst = desk.credentials()
                    .createUser("metrics-ana", "a long passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t")
                    .token();
            String lead = desk.credentials()
                    .createUser("metrics-lee", "a long passphrase".toCharArray(), Role.LEAD, Optional.empty(), "t")
                    .token();

            String body = signal("metrics-1");
            assertThat(post(port, "/api/v1/signals", partner, JSON, body).statusCode())
                    .isEqualTo(202);
            post(port, "/api/v1/signals", partner, JSON, body);
            assertThat(post(port, "/api/v1/signals", partner, JSON, "{\"external_id\":\"metrics-2\"}")
                            .statusCode())
                    .isEqualTo(422);
            assertThat(get(port, "/api/v1/incidents/inc-no-such-incident", analyst)
                            .statusCode())
                    .isEqualTo(404);

            assertThat(get(port, "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(get(port, "/metrics", partner).statusCode()).isEqualTo(403);
            assertThat(get(port, "/metrics", analyst).statusCode()).isEqualTo(403);

            String scraped = scrapeOnceTheConsumerHasPolled(port, lead);
            // a replay of an accepted signal is accepted again (202) and counted apart below, as a duplicate
            assertThat(value(
                            scraped,
                            "http_server_requests_seconds_count",
                            "method=\"POST\",route=\"/api/v1/signals\",status=\"202\""))
                    .isEqualTo(2.0);
            assertThat(value(
                            scraped,
                            "http_server_requests_seconds_count",
                            "method=\"POST\",route=\"/api/v1/signals\",status=\"422\""))
                    .isEqualTo(1.0);
            // the route's pattern, not the path: ids never make a series each
            assertThat(value(
                            scraped,
                            "http_server_requests_seconds_count",
                            "method=\"GET\",route=\"/api/v1/incidents/{id}\",status=\"404\""))
                    .isEqualTo(1.0);
            assertThat(scraped).doesNotContain("inc-no-such-incident");
            assertThat(value(scraped, "varsel_intake_signals_total", "outcome=\"accepted\",reason=\"\""))
                    .isEqualTo(1.0);
            assertThat(value(scraped, "varsel_intake_signals_total", "outcome=\"duplicate\",reason=\"\""))
                    .isEqualTo(1.0);
            assertThat(value(scraped, "varsel_intake_signals_total", "outcome=\"rejected\",reason=\"invalid\""))
                    .isEqualTo(1.0);
            assertThat(value(scraped, "varsel_desk_incident_consumer_lag", "")).isZero();
            assertThat(value(scraped, "hikaricp_connections_max", "pool=\"desk\""))
                    .isEqualTo(8.0);
            assertThat(scraped).contains("hikaricp_connections_active{pool=\"desk\"}", "jvm_memory_used_bytes");
        }
    }

    /** The scrape once the incident consumer has polled (before that its lag is unknown: NaN). */
    private static String scrapeOnceTheConsumerHasPolled(int port, String token) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            HttpResponse<String> response = get(port, "/metrics", token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            if (!Double.isNaN(value(response.body(), "varsel_desk_incident_consumer_lag", ""))
                    || Instant.now().isAfter(deadline)) {
                return response.body();
            }
            Thread.sleep(200);
        }
    }

    /** The sample's value: {@code name{labels} value}, labels as Prometheus writes them (sorted by name). */
    private static double value(String scraped, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name)
                        + (labels.isEmpty() ? "" : "\\{" + Pattern.quote(labels) + "\\}") + " (\\S+)$")
                .matcher(scraped);
        assertThat(sample.find()).as("%s{%s} in%n%s", name, labels, scraped).isTrue();
        return Double.parseDouble(sample.group(1));
    }
}

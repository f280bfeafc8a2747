package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.cli.demo.Demo;
import org.varsel.cli.demo.DemoCredentials;
import org.varsel.contract.Json;

/**
 * The pipeline seen from the desk, on the demo's real stack: {@code /healthz} and the status block while the job runs,
 * partners' "analysed, not flagged", and {@code /healthz} turning 503 with a problem body once the job is cancelled.
 */
class PipelineHealthTest {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthAndStatusFollowTheJobAndPartnersSeeTheirSignalsAnalysed(@TempDir Path state) throws Exception {
        try (Demo demo = Demo.start(
                new Demo.Options(state, "127.0.0.1", 0, Optional.empty(), "varsel", "", 1, Optional.empty()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            DeskApi api = new DeskApi(demo.deskUrl());
            HttpResponse<String> up = awaitHealth(
                    demo,
                    200,
                    health -> health.at("/pipeline/job").asText().equals("running")
                            && !health.at("/pipeline/raw_lag").isNull());
            JsonNode healthy = Json.mapper().readTree(up.body());
            assertThat(healthy.get("status").asText()).isEqualTo("ok");
            assertThat(healthy.at("/pipeline/restarts_last_hour").asInt()).isZero();
            assertThat(healthy.at("/pipeline/lag_stalled").asBoolean()).isFalse();

            DemoCredentials.Partner ngoA =
                    demo.credentials().orElseThrow().partners().get(0);
            String quiet =
                    postSignal(demo, ngoA.token(), "quiet-1", "A market in the old town reopened this morning", "");
            String flagged = postSignal(
                    demo,
                    ngoA.token(),
                    "flagged-1",
                    "They are planning to attack the shelter tonight",
                    ", \"labels\": {\"category\": \"incitement\", \"confidence\": 95}");
            api.awaitJson(
                    "/api/v1/signals/" + quiet,
                    Optional.of(ngoA.token()),
                    TIMEOUT,
                    signal -> signal.get("status").asText().equals("analysed-not-flagged"));
            api.awaitJson(
                    "/api/v1/signals/" + flagged,
                    Optional.of(ngoA.token()),
                    TIMEOUT,
                    signal -> signal.get("status").asText().equals("in-incident"));
            JsonNode caughtUp = Json.mapper()
                    .readTree(awaitHealth(
                                    demo,
                                    200,
                                    health -> health.at("/pipeline/not_yet_analysed")
                                                            .asLong(-1)
                                                    == 0
                                            && !health.at("/pipeline/last_incident_update")
                                                    .isNull())
                            .body());
            assertThat(Instant.parse(
                            caughtUp.at("/pipeline/last_incident_update").asText()))
                    .isAfter(Instant.now().minus(TIMEOUT));

            String analystPage = page(demo, demo.credentials().orElseThrow().analyst());
            assertThat(analystPage)
                    .contains(
                            "id=\"pipeline-status\"",
                            "pipeline-status ok",
                            "job running",
                            "received, not yet analysed: 0");

            demo.pipelineJob().cancel().get();
            // 503 already while the job is "cancelling": wait for where cancelling ends
            HttpResponse<String> down = awaitHealth(
                    demo,
                    503,
                    health -> List.of("canceled", "unreachable")
                            .contains(health.at("/pipeline/job").asText()));
            assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = Json.mapper().readTree(down.body());
            assertThat(problem.get("detail").asText()).startsWith("the pipeline job is ");
            assertThat(problem.at("/pipeline/job").asText()).isIn("canceled", "unreachable");
            assertThat(page(demo, demo.credentials().orElseThrow().analyst()))
                    .contains("pipeline-status down", "id=\"pipeline-problem\"");
            assertThat(api.get("/healthz/desk", Optional.empty()).statusCode())
                    .as("the desk itself still serves")
                    .isEqualTo(200);
        }
    }

    private String postSignal(Demo demo, String token, String externalId, String text, String labels) throws Exception {
        String body = """
        {"external_id": "%s", "kind": "post", "observed_at": "%s", "platform": "x", "author": {"handle": "someone"},
         "text": "%s", "language": "en", "tlp": "GREEN"%s}
        """.formatted(externalId, Instant.now(), text, labels);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(demo.deskUrl() + "/api/v1/signals"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        return Json.mapper().readTree(response.body()).get("id").asText();
    }

    /** The queue page as the signed-in user sees it. */
    private String page(Demo demo, DemoCredentials.Analyst user) throws Exception {
        // the login form carries a CSRF token bound to a cookie: read the form first, as a browser does
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create(demo.deskUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String formCookie =
                form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as("the login form's CSRF token").isTrue();
        String body = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
                + "&username=" + URLEncoder.encode(user.user(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user.password(), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(demo.deskUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", formCookie)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return http.send(
                        HttpRequest.newBuilder(URI.create(demo.deskUrl() + "/"))
                                .header("Cookie", cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Polls {@code /healthz} until it answers {@code status} with a body that satisfies {@code done}. */
    private HttpResponse<String> awaitHealth(Demo demo, int status, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpResponse<String> last;
        do {
            last = http.send(
                    HttpRequest.newBuilder(URI.create(demo.deskUrl() + "/healthz"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == status && done.test(Json.mapper().readTree(last.body()))) {
                return last;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("/healthz did not answer " + status + " within " + TIMEOUT + ": " + last.statusCode()
                + " " + last.body());
    }
}

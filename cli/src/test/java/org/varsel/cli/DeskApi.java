package org.varsel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.varsel.contract.Json;

/** A test's view of the desk's HTTP API. */
final class DeskApi {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    DeskApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> get(String path, Optional<String> token) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path, Optional<String> token) throws Exception {
        HttpResponse<String> response = get(path, token);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " → " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body());
    }

    /** Polls {@code path} until the JSON answer satisfies {@code done}, or fails after {@code timeout}. */
    JsonNode awaitJson(String path, Optional<String> token, Duration timeout, Predicate<JsonNode> done)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = getJson(path, token);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "GET " + path + " did not reach the expected state within " + timeout + "; last answer: " + last);
    }
}

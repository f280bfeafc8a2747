package org.varsel.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.varsel.contract.Json;

/** Calls a running desk the way scripts (bearer tokens) and browsers (session cookie + CSRF token) do. */
final class DeskClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;

    DeskClient(int port) {
        this.port = port;
    }

    /** How a request authenticates: a bearer token, a browser session, or nothing. */
    record Caller(Optional<String> token, Optional<String> cookie, Optional<String> csrf) {
        static Caller none() {
            return new Caller(Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Caller bearer(String token) {
            return new Caller(Optional.of(token), Optional.empty(), Optional.empty());
        }

        Caller withoutCsrf() {
            return new Caller(token, cookie, Optional.empty());
        }
    }

    HttpResponse<String> get(String path, Caller caller) throws IOException, InterruptedException {
        return send(request(path, caller).GET().build());
    }

    HttpResponse<String> post(String path, Caller caller, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, caller)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        caller.csrf().ifPresent(csrf -> request.header("X-CSRF-Token", csrf));
        return send(request.build());
    }

    HttpResponse<String> delete(String path, Caller caller) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, caller).DELETE();
        caller.csrf().ifPresent(csrf -> request.header("X-CSRF-Token", csrf));
        return send(request.build());
    }

    HttpResponse<String> postForm(String path, Caller caller, String... namesAndValues)
            throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&")
                    .append(encode(namesAndValues[i]))
                    .append('=')
                    .append(encode(namesAndValues[i + 1]));
        }
        return send(request(path, caller)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build());
    }

    /**
     * Posts the sign-in form as a browser does: first reads the form (its CSRF token and the cookie bound to it), then
     * posts it with both.
     */
    HttpResponse<String> submitLogin(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login", Caller.none());
        String setCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login form");
        }
        Caller browser = new Caller(
                Optional.empty(), Optional.of(setCookie.substring(0, setCookie.indexOf(';'))), Optional.empty());
        return postForm("/login", browser, "_csrf", csrf.group(1), "username", username, "password", password);
    }

    /** Signs in through the login form; the CSRF token is read off the queue page, as a browser would have it. */
    Caller login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = submitLogin(username, password);
        if (response.statusCode() != 303) {
            throw new IllegalStateException("login failed: " + response.statusCode());
        }
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        Caller session = new Caller(Optional.empty(), Optional.of(cookie), Optional.empty());
        Matcher csrf = CSRF.matcher(get("/", session).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the queue page");
        }
        return new Caller(Optional.empty(), Optional.of(cookie), Optional.of(csrf.group(1)));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    private HttpRequest.Builder request(String path, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        caller.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        caller.cookie().ifPresent(cookie -> request.header("Cookie", cookie));
        return request;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Tier;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.web.LoginThrottle;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * What an attacker or a broken client sends: NUL and unpaired surrogates in every text input, bodies that stall, a
 * password guessed again and again, a login form posted from elsewhere. Never a 500; a clear problem instead.
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {
    private static final String ID = "inc-hostile-1";
    private static final String NUL = "\\u0000";
    private static final String LONE_SURROGATE = "\\ud800";

    /** The sign-in throttle's clock: it stands still, so the test counts attempts however slow a password check is. */
    private static final TestClock THROTTLE_CLOCK = TestClock.standingNow();

    private static Desk desk;
    private static DeskClient client;
    private static String token;
    private static Caller analyst;

    @BeforeAll
    static void startDesk(LocalKafka kafka, PostgresDatabase database) throws Exception {
        desk = Desk.start(
                DeskTestSupport.config(kafka, database, Map.of(DeskConfig.REQUEST_BODY_TIMEOUT, "PT1S")),
                Optional.of(THROTTLE_CLOCK));
        client = new DeskClient(desk.port());
        token = desk.credentials()
                .createUser("hana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t")
                .token();
        analyst = Caller.bearer(token);
        try (Database handle = Database.open(database.jdbcUrl(), database.user(), database.password())) {
            new IncidentStore(handle)
                    .upsert(List.of(TriageIncidents.campaign(
                            ID,
                            1,
                            "hostile",
                            "dehumanisation",
                            Tier.HIGH,
                            "they are vermin",
                            "https://e.org/hostile")));
        }
    }

    @AfterAll
    static void stopDesk() {
        desk.close();
    }

    @Test
    @Order(1)
    void nulAndUnpairedSurrogatesInTheApiAreRefusedOrReplacedNeverA500() throws Exception {
        for (String bad : List.of(NUL, LONE_SURROGATE)) {
            assertNot500(client.get("/api/v1/incidents?q=vermin%00", analyst));
            assertNot500(
                    client.post("/api/v1/incidents/" + ID + "/comments", analyst, "{\"body\": \"a" + bad + "b\"}"));
            assertNot500(client.post(
                    "/api/v1/incidents/" + ID + "/status",
                    analyst,
                    "{\"status\": \"triaging\", \"reason\": \"x" + bad + "\"}"));
            assertNot500(
                    client.post("/api/v1/incidents/" + ID + "/assign", analyst, "{\"assignee\": \"hana" + bad + "\"}"));
            assertNot500(client.post(
                    "/api/v1/incidents/bulk",
                    analyst,
                    "{\"ids\": [\"inc-x" + bad + "\"], \"action\": \"status\", \"status\": \"triaging\"}"));
            assertNot500(client.post(
                    "/api/v1/incidents/bulk",
                    analyst,
                    "{\"ids\": [\"" + ID + "\"], \"action\": \"assign\", \"assignee\": \"h" + bad + "\"}"));
        }
        // a replaced character is stored as U+FFFD and reads back as it
        var comments = DeskClient.json(client.get("/api/v1/incidents/" + ID + "/comments", analyst))
                .get("items");
        assertThat(comments).anySatisfy(c -> assertThat(c.get("body").asText()).isEqualTo("a\uFFFDb"));
    }

    @Test
    @Order(2)
    void nulInFormsAndTheLoginFormIsA400NeverA500() throws Exception {
        assertNot500(client.submitLogin("hana\u0000", "analyst passphrase"));
        assertNot500(client.submitLogin("hana", "analyst\u0000passphrase"));
        desk.credentials()
                .createUser("form-user", "form passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t");
        Caller session = client.login("form-user", "form passphrase");
        String csrf = session.csrf().orElseThrow();
        assertNot500(client.postForm("/incidents/" + ID + "/comments", session, "_csrf", csrf, "body", "a\u0000b"));
        assertNot500(client.postForm(
                "/incidents/" + ID + "/status", session, "_csrf", csrf, "status", "triaging", "reason", "r\u0000"));
        assertNot500(client.postForm("/incidents/" + ID + "/assign", session, "_csrf", csrf, "assignee", "x\u0000"));
        assertNot500(
                client.postForm("/incidents/bulk", session, "_csrf", csrf, "action", "assign-me", "ids", "inc-\u0000"));
        assertNot500(client.get("/?q=a%00b", session));
    }

    @Test
    @Order(3)
    void aBodyThatStallsGetsA408Problem() throws Exception {
        String head = "POST /api/v1/incidents/" + ID + "/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                + "{\"body\": \"only part";
        try (Socket socket = new Socket("127.0.0.1", desk.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(response).isEqualTo("HTTP/1.1 408");
            String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(rest).contains("application/problem+json").contains("did not arrive within PT1S");
        }
    }

    @Test
    @Order(4)
    void theLoginFormNeedsItsCsrfToken() throws Exception {
        var withoutToken =
                client.postForm("/login", Caller.none(), "username", "hana", "password", "analyst passphrase");
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("Set-Cookie")).isPresent();
        var foreignCookie = client.postForm(
                "/login",
                new Caller(Optional.empty(), Optional.of("varsel_login=forged"), Optional.empty()),
                "_csrf",
                "other",
                "username",
                "hana",
                "password",
                "analyst passphrase");
        assertThat(foreignCookie.statusCode()).isEqualTo(403);
        assertThat(client.submitLogin("hana", "analyst passphrase").statusCode())
                .isEqualTo(303);
    }

    @Test
    @Order(5)
    void guessingIsThrottledPerUserThenPerAddressWithRetryAfter() throws Exception {
        int attempts = 0;
        HttpResponse<String> response;
        do {
            response = client.submitLogin("hana", "guess " + attempts++);
        } while (response.statusCode() == 401 && attempts < 50);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(attempts).isLessThanOrEqualTo(LoginThrottle.PER_USER_BURST + 1);
        long perUserRefill = 60 / LoginThrottle.PER_USER_PER_MINUTE;
        assertThat(response.headers().firstValue("Retry-After"))
                .as("seconds until the next token, the clock standing still")
                .hasValue(Long.toString(perUserRefill));
        assertThat(response.body()).contains("Too many sign-in attempts");
        // even the right password waits: the guesser must not learn it was right
        assertThat(client.submitLogin("hana", "analyst passphrase").statusCode())
                .isEqualTo(429);
        // a second more than one token's refill (the rate is a decimal fraction in SQL: 12 s of it is just under 1)
        THROTTLE_CLOCK.advance(Duration.ofSeconds(perUserRefill + 1));
        assertThat(client.submitLogin("hana", "guess after the refill").statusCode())
                .as("one token refilled")
                .isEqualTo(401);
        assertThat(client.submitLogin("hana", "guess again").statusCode())
                .as("and only one")
                .isEqualTo(429);

        int others = 0;
        do {
            response = client.submitLogin("spray-" + others++, "guess");
        } while (response.statusCode() == 401 && others < 100);
        assertThat(response.statusCode())
                .as("one address spraying many accounts")
                .isEqualTo(429);
        assertThat(others).isLessThanOrEqualTo(LoginThrottle.PER_ADDRESS_BURST + 1);
        THROTTLE_CLOCK.advance(Duration.ofSeconds(60 / LoginThrottle.PER_ADDRESS_PER_MINUTE + 1));
        assertThat(client.submitLogin("spray-after-the-refill", "guess").statusCode())
                .isEqualTo(401);
        assertThat(client.submitLogin("spray-again", "guess").statusCode()).isEqualTo(429);
    }

    private static void assertNot500(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        if (response.statusCode() == 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
    }
}

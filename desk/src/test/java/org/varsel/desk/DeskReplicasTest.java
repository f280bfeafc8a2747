package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.desk.config.DeskSettings;
import org.varsel.desk.retention.RetentionConfig;
import org.varsel.desk.retention.RetentionPurge;
import org.varsel.desk.web.LoginThrottle;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** Two desks on one PostgreSQL, as two replicas behind a load balancer: one set of sessions, limits and scheduled runs. */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class DeskReplicasTest {
    private static final Duration PURGE_EVERY = Duration.ofSeconds(1);

    @Test
    void twoReplicasShareSessionsAndSignInLimitsAndRunTheRetentionPurgeOncePerIntervalUntilOneStops(
            LocalKafka kafka, PostgresDatabase database) throws Exception {
        DeskSettings settings =
                DeskTestSupport.config(kafka, database, Map.of(RetentionConfig.INTERVAL, PURGE_EVERY.toString()));
        // one standing clock for both replicas' sign-in throttles: the guesses are counted, not timed
        TestClock throttleClock = TestClock.standingNow();
        Desk a = Desk.start(settings, Optional.of(throttleClock));
        try (Desk b = Desk.start(settings, Optional.of(throttleClock))) {
            Instant bothRunning = Instant.now();
            DeskClient viaA = new DeskClient(a.port());
            DeskClient viaB = new DeskClient(b.port());
            a.credentials().createUser("hana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t");

            Caller session = viaA.login("hana", "analyst passphrase");
            assertThat(viaB.get("/", session).statusCode())
                    .as("A's session on B")
                    .isEqualTo(200);
            assertThat(viaB.postForm("/logout", session, "_csrf", session.csrf().orElseThrow())
                            .statusCode())
                    .as("B takes A's CSRF token")
                    .isEqualTo(303);
            assertThat(viaA.get("/", session).statusCode())
                    .as("signed out through B, also on A")
                    .isEqualTo(303);

            int attempts = 0;
            HttpResponse<String> response;
            do {
                // alternating replicas: a limit per process would allow twice the burst
                response = (attempts % 2 == 0 ? viaA : viaB).submitLogin("hana", "guess " + attempts);
                attempts++;
            } while (response.statusCode() == 401 && attempts < 50);
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(attempts)
                    .as("guesses across both replicas, after the one sign-in: the burst exactly")
                    .isEqualTo(LoginThrottle.PER_USER_BURST);

            Eventually.await(
                    Duration.ofSeconds(60),
                    "six purges",
                    () -> purges(database, bothRunning).size() >= 6);
            assertOncePerInterval(purges(database, bothRunning));

            a.close();
            Instant onlyB = Instant.now();
            Eventually.await(
                    Duration.ofSeconds(60),
                    "B purging alone",
                    () -> purges(database, onlyB).size() >= 3);
            assertOncePerInterval(purges(database, bothRunning));
        } finally {
            a.close();
        }
    }

    /** Consecutive runs, by whichever replica, are an interval apart (less the singleton's margin and some slack). */
    private static void assertOncePerInterval(List<Instant> runs) {
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1), runs.get(i)))
                    .as("retention purges %s and %s", runs.get(i - 1), runs.get(i))
                    .isGreaterThan(PURGE_EVERY.multipliedBy(7).dividedBy(10));
        }
    }

    private static List<Instant> purges(PostgresDatabase database, Instant since) throws Exception {
        List<Instant> at = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT at FROM audit_event WHERE action = ? AND at >= ? ORDER BY at")) {
            select.setString(1, RetentionPurge.ACTION);
            select.setObject(2, since.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    at.add(rows.getTimestamp(1).toInstant());
                }
            }
        }
        return at;
    }
}

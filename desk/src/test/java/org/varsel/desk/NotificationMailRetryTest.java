package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.DeskClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.UserAdmin;
import org.varsel.desk.db.Database;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * An SMTP server that is down: the assignment is done at once all the same, the failed attempts show in the inbox with
 * their reason, and the e-mail goes out once the server is back (GreenMail started on the port the desk was given).
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class NotificationMailRetryTest {
    @Test
    void aMailServerThatIsDownNeverHoldsUpTriageAndTheEMailIsSentOnceItIsBack(
            LocalKafka kafka, PostgresDatabase database) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try (Desk desk = NotificationTest.startDesk(kafka, database, port, "PT0.5S")) {
            DeskClient client = new DeskClient(desk.port());
            Caller lee = Caller.bearer(desk.credentials()
                    .createUser("lee", "lead passphrase".toCharArray(), Role.LEAD, Optional.empty(), "t")
                    .token());
            Caller ana = Caller.bearer(desk.credentials()
                    .createUser("ana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t")
                    .token());
            try (Database db = Database.open(database.jdbcUrl(), database.user(), database.password())) {
                new UserAdmin(db).setEmail("ana", Optional.of("ana@desk.example"));
            }
            String id = TestIncidents.newId();
            desk.incidents().upsert(List.of(TestIncidents.incident(id, 1, List.of("feed:rss"))));

            assertThat(client.post("/api/v1/incidents/" + id + "/assign", lee, "{\"assignee\": \"ana\"}")
                            .statusCode())
                    .isEqualTo(200);
            Eventually.await(Duration.ofSeconds(60), "two failed attempts are recorded", () -> {
                JsonNode item = json(client.get("/api/v1/notifications", ana))
                        .get("items")
                        .get(0);
                return item.get("mail_attempts").asInt() >= 2
                        && item.get("mail").asText().equals("pending");
            });
            JsonNode failing =
                    json(client.get("/api/v1/notifications", ana)).get("items").get(0);
            assertThat(failing.get("mail_error").asText()).contains("MailConnectException");

            smtp.start();
            assertThat(smtp.waitForIncomingEmail(Duration.ofSeconds(60).toMillis(), 1))
                    .as("sent once the server is back")
                    .isTrue();
            assertThat(smtp.getReceivedMessages()[0].getSubject()).contains(id);
            Eventually.await(
                    Duration.ofSeconds(30),
                    "the inbox shows it sent",
                    () -> json(client.get("/api/v1/notifications", ana))
                            .get("items")
                            .get(0)
                            .get("mail")
                            .asText()
                            .equals("sent"));
            // no event says "nothing more was sent": an absence is watched for three of the outbox drain's 500 ms polls
            Thread.sleep(1500);
            assertThat(smtp.getReceivedMessages())
                    .as("sent once, not once per attempt")
                    .hasSize(1);
        } finally {
            smtp.stop();
        }
    }
}

package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.varsel.desk.DeskClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.UserAdmin;
import org.varsel.desk.config.DeskSettings;
import org.varsel.desk.db.Database;
import org.varsel.desk.notify.MailConfig;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * Notifications against a whole desk (real PostgreSQL and broker) and an in-process SMTP server (GreenMail): an
 * assignment by a colleague and a threat-to-life incident reach the inbox, the menu's unread count and the user's
 * mailbox; partners get none; the e-mail carries no title or evidence.
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class NotificationTest {
    private static GreenMail smtp;
    private static Desk desk;
    private static DeskClient client;
    private static Caller ana;
    private static Caller anaSession;
    private static Caller bo;
    private static Caller lee;
    private static Caller pia;

    @BeforeAll
    static void startDesk(LocalKafka kafka, PostgresDatabase database) throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        desk = startDesk(kafka, database, smtp.getSmtp().getPort(), "PT0.2S");
        client = new DeskClient(desk.port());
        ana = Caller.bearer(desk.credentials()
                .createUser("ana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t")
                .token());
        bo = Caller.bearer(desk.credentials()
                .createUser("bo", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t")
                .token());
        lee = Caller.bearer(desk.credentials()
                .createUser("lee", "lead passphrase".toCharArray(), Role.LEAD, Optional.empty(), "t")
                .token());
        desk.credentials().createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.AMBER, "t");
        pia = Caller.bearer(desk.credentials()
                .createUser("pia", "partner passphrase".toCharArray(), Role.PARTNER, Optional.of("ngo-a"), "t")
                .token());
        try (Database db = Database.open(database.jdbcUrl(), database.user(), database.password())) {
            new UserAdmin(db).setEmail("ana", Optional.of("ana@desk.example"));
        }
        anaSession = client.login("ana", "analyst passphrase");
    }

    /** A desk that mails through the SMTP server on {@code smtpPort} (no TLS: it is in this JVM), retrying quickly. */
    static Desk startDesk(LocalKafka kafka, PostgresDatabase database, int smtpPort, String firstBackoff) {
        return Desk.start(DeskTestSupport.config(
                kafka,
                database,
                Map.of(
                        MailConfig.HOST,
                        "127.0.0.1",
                        MailConfig.PORT,
                        Integer.toString(smtpPort),
                        MailConfig.SECURITY,
                        "none",
                        MailConfig.FROM,
                        "varsel-desk@ministry.example",
                        MailConfig.DESK_URL,
                        "https://desk.ministry.example/",
                        MailConfig.FIRST_BACKOFF,
                        firstBackoff)));
    }

    @AfterAll
    static void stop() {
        desk.close();
        smtp.stop();
    }

    @Test
    void anIncidentAColleagueAssignsReachesTheAssigneesInboxMenuAndMailboxButTakingOneYourselfDoesNot()
            throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        client.post("/api/v1/notifications/read", ana, "{}");
        String id = TestIncidents.newId();
        desk.incidents().upsert(List.of(TestIncidents.incident(id, 1, List.of("feed:rss"))));

        assertThat(client.post("/api/v1/incidents/" + id + "/assign", lee, "{\"assignee\": \"ana\"}")
                        .statusCode())
                .isEqualTo(200);

        JsonNode inbox = json(client.get("/api/v1/notifications", ana));
        assertThat(inbox.get("unread").asInt()).isEqualTo(1);
        JsonNode item = inbox.get("items").get(0);
        assertThat(item.get("kind").asText()).isEqualTo("assigned");
        assertThat(item.get("incident_id").asText()).isEqualTo(id);
        assertThat(item.get("actor").asText()).isEqualTo("lee");
        String page = client.get("/inbox", anaSession).body();
        assertThat(page)
                .contains(
                        "id=\"unread-count\" aria-label=\"unread notifications\">1<",
                        "Assigned to you by lee",
                        "Same link pushed by many accounts v1",
                        "ana@desk.example");

        MimeMessage mail = awaitMail(1)[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("ana@desk.example");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("varsel-desk@ministry.example");
        assertThat(mail.getSubject()).isEqualTo("[Varsel TLP:AMBER] Incident " + id + " assigned to you by lee");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body)
                .contains("https://desk.ministry.example/incidents/" + id, "Tier: medium")
                .doesNotContain("Same link pushed");
        Eventually.await(
                Duration.ofSeconds(30),
                "the inbox shows the e-mail sent",
                () -> json(client.get("/api/v1/notifications", ana))
                        .get("items")
                        .get(0)
                        .get("mail")
                        .asText()
                        .equals("sent"));

        // taking one yourself, or re-assigning to the same person, tells nobody
        assertThat(client.post("/api/v1/incidents/" + id + "/assign", bo, "{\"assignee\": \"bo\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(client.get("/api/v1/notifications", bo)).get("items")).isEmpty();

        JsonNode marked = json(client.post(
                "/api/v1/notifications/read", ana, "{\"id\": " + item.get("id").asLong() + "}"));
        assertThat(marked.get("marked_read").asInt()).isEqualTo(1);
        assertThat(marked.get("unread").asInt()).isZero();
        assertThat(client.get("/inbox", anaSession).body()).doesNotContain("id=\"unread-count\"");
    }

    @Test
    void aThreatToLifeIncidentNotifiesEveryStaffUserOnceAndNoPartner() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        String id = TestIncidents.newId();
        desk.incidents()
                .upsert(List.of(TestIncidents.incident(
                        id,
                        1,
                        List.of("partner:ngo-a"),
                        Tier.THREAT_TO_LIFE,
                        95,
                        java.time.Instant.parse("2026-12-04T10:00:00Z"))));
        desk.incidents()
                .upsert(List.of(TestIncidents.incident(
                        id,
                        2,
                        List.of("partner:ngo-a"),
                        Tier.THREAT_TO_LIFE,
                        95,
                        java.time.Instant.parse("2026-12-04T10:05:00Z"))));

        for (Caller staff : List.of(ana, bo, lee)) {
            JsonNode items = json(client.get("/api/v1/notifications", staff)).get("items");
            assertThat(items.findValuesAsText("incident_id").stream().filter(id::equals))
                    .hasSize(1);
            assertThat(items.get(0).get("kind").asText()).isEqualTo("threat-to-life");
            assertThat(items.get(0).get("tier").asText()).isEqualTo("threat-to-life");
        }
        assertThat(json(client.get("/api/v1/notifications", bo))
                        .get("items")
                        .get(0)
                        .get("mail")
                        .asText())
                .as("bo has no address: inbox only")
                .isEqualTo("none");
        assertThat(client.get("/api/v1/notifications", pia).statusCode()).isEqualTo(403);

        MimeMessage mail = awaitMail(1)[0];
        assertThat(mail.getSubject()).isEqualTo("[Varsel TLP:AMBER] Threat-to-life incident " + id);
        // no event says "no second mail": an absence is watched for two of the outbox drain's 500 ms polls
        Thread.sleep(1000);
        assertThat(smtp.getReceivedMessages())
                .as("one e-mail: the second version raised no second alert")
                .hasSize(1);
    }

    @Test
    void mailIsOffByDefaultAndItsSettingsAreSafe() {
        assertThat(DeskSettings.defaults().mail().host()).isEmpty();
        MailConfig starttls = mail(Map.of(
                MailConfig.HOST,
                "smtp.ministry.example",
                MailConfig.USER,
                "desk",
                MailConfig.PASSWORD,
                "s3cret",
                MailConfig.FROM,
                "desk@ministry.example"));
        assertThat(starttls.port()).isEqualTo(587);
        assertThat(starttls.toString()).doesNotContain("s3cret");
        assertThat(catchThrowable(() -> mail(Map.of(MailConfig.HOST, "smtp.ministry.example")))
                        .getMessage())
                .contains(MailConfig.FROM);
        assertThat(catchThrowable(() -> mail(Map.of(MailConfig.SECURITY, "ssl3")))
                        .getMessage())
                .contains("starttls, tls or none");
        assertThat(catchThrowable(() -> mail(Map.of(MailConfig.USER, "desk"))).getMessage())
                .contains("go together");
    }

    private static MailConfig mail(Map<String, String> values) {
        return DeskSettings.fromMap(values).mail();
    }

    private static MimeMessage[] awaitMail(int count) throws Exception {
        assertThat(smtp.waitForIncomingEmail(Duration.ofSeconds(60).toMillis(), count))
                .as("e-mail arrived")
                .isTrue();
        return smtp.getReceivedMessages();
    }
}

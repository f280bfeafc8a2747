package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.varsel.desk.DeskClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.ContractSchemas;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.Json;
import org.varsel.contract.Pseudonyms;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.contract.Topics;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.HandleSearch;
import org.varsel.desk.incident.QueueStore;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** The triage workflow through the API, against a real broker and a real PostgreSQL. */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class TriageWorkflowTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The pipeline's privacy key, which the desk is given to search by handle. */
    private static final String HANDLE_KEY = "k".repeat(40);

    private static Desk desk;
    private static DeskClient client;
    private static KafkaProducer<byte[], byte[]> producer;
    private static PostgresDatabase database;
    private static LocalKafka kafka;
    private static Caller analyst;
    private static Caller lead;
    private static Caller partnerA;

    @BeforeAll
    static void startDesk(LocalKafka broker, PostgresDatabase db) throws Exception {
        kafka = broker;
        database = db;
        desk = Desk.start(DeskTestSupport.config(kafka, database, Map.of(DeskConfig.HANDLE_KEY, HANDLE_KEY)));
        client = new DeskClient(desk.port());
        producer = DeskTestSupport.producer(kafka, false);
        analyst = Caller.bearer(desk.credentials()
                .createUser("ana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t")
                .token());
        lead = Caller.bearer(desk.credentials()
                .createUser("lee", "lead passphrase".toCharArray(), Role.LEAD, Optional.empty(), "t")
                .token());
        partnerA = Caller.bearer(desk.credentials()
                .createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.AMBER, "t")
                .token());
        desk.credentials().createPartner("ngo-b", "NGO B", Optional.empty(), Tlp.AMBER, "t");
    }

    @AfterAll
    static void stopDesk() {
        producer.close();
        desk.close();
    }

    @Test
    void aNewerPipelineVersionKeepsTheAnalystsStatusAssigneeAndComments() throws Exception {
        String id = newId();
        publish(TriageIncidents.campaign(
                id, 1, "v1 title", "dehumanisation", Tier.HIGH, "they are vermin", "https://e.org/1"));
        awaitVersion(id, 1);
        status(analyst, id, "triaging", null, 200);
        assertThat(client.post("/api/v1/incidents/" + id + "/assign", analyst, "{\"assignee\": \"ana\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(client.post("/api/v1/incidents/" + id + "/comments", analyst, "{\"body\": \"checking the link\"}")
                        .statusCode())
                .isEqualTo(201);

        publish(TriageIncidents.campaign(
                id, 2, "v2 title", "dehumanisation", Tier.CRISIS, "they are vermin", "https://e.org/1"));
        awaitVersion(id, 2);

        JsonNode incident = json(client.get("/api/v1/incidents/" + id, analyst));
        assertThat(incident.get("version").asLong()).isEqualTo(2);
        assertThat(incident.get("title").asText()).isEqualTo("v2 title");
        assertThat(incident.get("tier").asText()).isEqualTo("crisis");
        assertThat(incident.get("status").asText()).isEqualTo("triaging");
        assertThat(incident.get("assignee").asText()).isEqualTo("ana");
        JsonNode comments = json(client.get("/api/v1/incidents/" + id + "/comments", analyst))
                .get("items");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("body").asText()).isEqualTo("checking the link");
        JsonNode history = json(client.get("/api/v1/incidents/" + id + "/history", analyst));
        assertThat(history.get("revisions")).hasSize(2);
        assertThat(history.get("events"))
                .extracting(e -> e.get("action").asText())
                .containsExactly("status", "assign", "comment");
    }

    @Test
    void theWorkflowRefusesIllegalStepsAndAskedForReasons() throws Exception {
        String id = stored("workflow");
        status(analyst, id, "escalated", null, 409);
        status(analyst, id, "closed", null, 409);
        status(analyst, id, "bogus", null, 400);
        status(analyst, id, "triaging", null, 200);
        status(analyst, id, "dismissed", null, 400);
        status(analyst, id, "dismissed", "   ", 400);
        status(analyst, id, "dismissed", "satire account, not a threat", 200);
        status(analyst, id, "triaging", null, 403);
        status(lead, id, "triaging", null, 200);
        status(analyst, id, "confirmed", null, 200);
        status(analyst, id, "escalated", null, 200);
        status(analyst, id, "closed", null, 200);
        status(partnerA, id, "triaging", null, 403);
        JsonNode events = json(client.get("/api/v1/audit?incident=" + id + "&action=status", lead))
                .get("items");
        assertThat(events).hasSize(6);
        JsonNode dismissal = events.get(4);
        assertThat(dismissal.get("actor").asText()).isEqualTo("ana");
        assertThat(dismissal.get("before").get("status").asText()).isEqualTo("triaging");
        assertThat(dismissal.get("after").get("status").asText()).isEqualTo("dismissed");
        assertThat(dismissal.get("after").get("reason").asText()).isEqualTo("satire account, not a threat");
    }

    @Test
    void analystsAndLeadsAssignAnyColleagueWithAnAuditEntryButNeverAPartner() throws Exception {
        String id = stored("assign");
        assertThat(client.post("/api/v1/incidents/" + id + "/assign", analyst, "{\"assignee\": \"lee\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(client.get("/api/v1/incidents/" + id, analyst))
                        .get("assignee")
                        .asText())
                .isEqualTo("lee");
        JsonNode handed = json(client.get("/api/v1/audit?incident=" + id + "&action=assign", lead))
                .get("items")
                .get(0);
        assertThat(handed.get("actor").asText()).isEqualTo("ana");
        assertThat(handed.get("after").get("assignee").asText()).isEqualTo("lee");
        assertThat(client.post("/api/v1/incidents/" + id + "/assign", lead, "{\"assignee\": \"ana\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(client.post("/api/v1/incidents/" + id + "/assign", analyst, "{\"assignee\": \"ngo-a\"}")
                        .statusCode())
                .as("a partner is no assignee")
                .isEqualTo(400);
        assertThat(client.post("/api/v1/incidents/" + id + "/assign", lead, "{\"assignee\": \"nobody-here\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(client.post("/api/v1/incidents/" + id + "/assign", analyst, "{\"assignee\": null}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(client.get("/api/v1/incidents/" + id, analyst)).has("assignee"))
                .isFalse();
    }

    @Test
    void verdictsArePublishedToFeedbackAsFeedbackV1AndFeedRulePrecisionAndTrainingData() throws Exception {
        String confirmed = stored("confirm me");
        String dismissed = stored("dismiss me");
        status(analyst, confirmed, "triaging", null, 200);
        status(analyst, confirmed, "confirmed", null, 200);
        status(analyst, dismissed, "dismissed", "parody", 200);

        List<JsonNode> feedback = feedbackFor(List.of(confirmed, dismissed));
        assertThat(feedback).hasSize(2);
        for (JsonNode message : feedback) {
            assertThat(ContractSchemas.FEEDBACK_V1.violations(message)).isEmpty();
            assertThat(message.get("rule_ids")).extracting(JsonNode::asText).containsExactly("r-vermin");
            assertThat(message.get("model_version").asText()).isEqualTo("doccat-2025-03");
            assertThat(message.get("analyst").asText()).isEqualTo("ana");
        }
        JsonNode dismissal = feedback.stream()
                .filter(m -> m.get("incident_id").asText().equals(dismissed))
                .findFirst()
                .orElseThrow();
        assertThat(dismissal.get("verdict").asText()).isEqualTo("dismissed");
        assertThat(dismissal.get("reason").asText()).isEqualTo("parody");
        assertThat(DeskTestSupport.count(database, "SELECT count(*) FROM verdict WHERE published_at IS NULL"))
                .isZero();

        JsonNode rules = json(client.get("/api/v1/rules/precision", analyst)).get("items");
        JsonNode vermin = rules.get(0);
        assertThat(vermin.get("rule_id").asText()).isEqualTo("r-vermin");
        assertThat(vermin.get("confirmed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(vermin.get("dismissed").asLong()).isGreaterThanOrEqualTo(1);

        String jsonl = client.get("/api/v1/training-data", lead).body();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            lines.add(Json.mapper().readTree(line));
        }
        assertThat(lines)
                .allSatisfy(line -> assertThat(line.fieldNames()).toIterable().containsExactly("text", "label", "tlp"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line.get("label").asText()).isEqualTo("neutral"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line.get("label").asText()).isEqualTo("dehumanisation"));
        assertThat(client.get("/api/v1/training-data", analyst).statusCode()).isEqualTo(403);
    }

    @Test
    void aPartnerSeesOnlyItsOwnSignalsContentInTheApi() throws Exception {
        String id = stored("partner view");
        JsonNode incident = json(client.get("/api/v1/incidents/" + id, partnerA));
        JsonNode signals = incident.get("evidence").get("signals");
        assertThat(signals).hasSize(1);
        assertThat(signals.get(0).get("source").asText()).isEqualTo("partner:ngo-a");
        assertThat(incident.toString())
                .doesNotContain("ngo-b only")
                .doesNotContain("feed text about the rally")
                .doesNotContain("acct_b");
        assertThat(incident.has("assignee")).isFalse();
        assertThat(incident.get("sources")).extracting(JsonNode::asText).containsExactly("partner:ngo-a");

        JsonNode listed =
                json(client.get("/api/v1/incidents?q=partner", partnerA)).get("items");
        assertThat(listed).isNotEmpty();
        listed.forEach(item -> item.get("evidence")
                .get("signals")
                .forEach(signal -> assertThat(signal.get("source").asText()).isEqualTo("partner:ngo-a")));
        assertThat(json(client.get("/api/v1/incidents/" + id, analyst))
                        .get("evidence")
                        .get("signals"))
                .hasSize(3);

        desk.credentials()
                .createUser("pia", "partner passphrase".toCharArray(), Role.PARTNER, Optional.of("ngo-a"), "t");
        Caller partnerUser = client.login("pia", "partner passphrase");
        String page = client.get("/incidents/" + id, partnerUser).body();
        assertThat(page)
                .contains("partner says they are")
                .doesNotContain("ngo-b only")
                .doesNotContain("feed text")
                .doesNotContain("acct_b")
                .doesNotContain("partner:ngo-b")
                .doesNotContain("0.93 across")
                .doesNotContain("id=\"triage\"");
        assertThat(client.get("/", partnerUser).body())
                .doesNotContain("ngo-b only")
                .doesNotContain("bulk-apply");
    }

    @Test
    void filtersAndFullTextSearchNarrowTheQueueAndCountsAreByStatus() throws Exception {
        String needle =
                "zanzibarquokka" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        String match = newId();
        publish(TriageIncidents.campaign(
                match,
                1,
                "Rally " + needle,
                "incitement",
                Tier.THREAT_TO_LIFE,
                "burn the " + needle + " vermin",
                "https://e.org/" + needle));
        String other = stored("unrelated");
        awaitVersion(match, 1);

        assertThat(ids("/api/v1/incidents?q=" + needle)).containsExactly(match);
        assertThat(
                        ids(
                                "/api/v1/incidents?q=" + needle
                                        + "&category=incitement&tier=threat-to-life&platform=telegram"
                                        + "&language=da&partner=ngo-b&rule=r-vermin&kind=co-similar-text&from=2025-03-01&to=2025-03-01"))
                .containsExactly(match);
        assertThat(ids("/api/v1/incidents?q=" + needle + "&rule=r-other")).isEmpty();
        assertThat(ids("/api/v1/incidents?q=" + needle + "&from=2025-03-02")).isEmpty();
        assertThat(ids("/api/v1/incidents?q=" + needle + "&category=disinformation"))
                .isEmpty();
        assertThat(ids("/api/v1/incidents?category=dehumanisation&limit=500"))
                .contains(other)
                .doesNotContain(match);
        assertThat(client.get("/api/v1/incidents?from=yesterday", analyst).statusCode())
                .isEqualTo(400);
        assertThat(client.get("/api/v1/incidents?category=a%20b", analyst).statusCode())
                .isEqualTo(400);

        status(analyst, match, "triaging", null, 200);
        JsonNode counts =
                json(client.get("/api/v1/incidents?q=" + needle, analyst)).get("counts");
        assertThat(counts.get("triaging").asLong()).isEqualTo(1);
        assertThat(counts.get("new").asLong()).isZero();
    }

    @Test
    void searchFindsEnglishAndDanishWordFormsNotJustTheWordAsTyped() throws Exception {
        String needle = needle("quokkastem");
        String english = stored("Rally " + needle, "the migrants are attacking our towns", "acct_a");
        String danish = stored("Demo " + needle, "migranterne angreb byen igen", "acct_a");

        assertThat(withNeedle(needle, "+migrant")).containsExactlyInAnyOrder(english, danish);
        assertThat(withNeedle(needle, "+attacked")).containsExactly(english);
        assertThat(withNeedle(needle, "+migranter")).contains(danish);
        assertThat(withNeedle(needle, "+-migrant")).isEmpty();
    }

    @Test
    void filtersIgnoreCaseAndTakeThePartnerAsTheDeskPrintsIt() throws Exception {
        String needle = needle("quokkacase");
        String match = stored("Rally " + needle, "burn the vermin", "acct_a");

        assertThat(withNeedle(needle, "&platform=Telegram&language=DA&category=Incitement"))
                .containsExactly(match);
        assertThat(withNeedle(needle, "&partner=partner:ngo-b")).containsExactly(match);
        assertThat(withNeedle(needle, "+partner:ngo-a+platform:TELEGRAM")).containsExactly(match);
        assertThat(withNeedle(needle, "+partner:ngo-nobody")).isEmpty();
    }

    @Test
    void aHandleIsFoundByPseudonymisingItAsThePipelineDid() throws Exception {
        String handle = needle("@Hater_");
        String posted = stored("posted", "burn the vermin", new Pseudonyms(HANDLE_KEY).handle(handle));
        String other = stored(
                "other", "burn the vermin", new Pseudonyms("another key of forty characters, not ours").handle(handle));

        String lowerCase = handle.substring(1).toLowerCase(java.util.Locale.ROOT);
        assertThat(ids("/api/v1/incidents?limit=500&handle=" + handle))
                .contains(posted)
                .doesNotContain(other);
        assertThat(ids("/api/v1/incidents?limit=500&handle=" + lowerCase))
                .contains(posted)
                .doesNotContain(other);
        assertThat(ids("/api/v1/incidents?limit=500&q=" + handle))
                .contains(posted)
                .doesNotContain(other);
        assertThat(ids("/api/v1/incidents?limit=500&q=handle:" + lowerCase)).contains(posted);
    }

    @Test
    void relatedIncidentsShareAUrlOrAnAccount() throws Exception {
        String url = "https://e.org/shared-" + UUID.randomUUID();
        String first = newId();
        String second = newId();
        publish(TriageIncidents.campaign(first, 1, "first", "dehumanisation", Tier.HIGH, "they are vermin", url));
        publish(TriageIncidents.campaign(second, 1, "second", "dehumanisation", Tier.HIGH, "they are vermin", url));
        awaitVersion(second, 1);
        awaitVersion(first, 1);
        QueuedIncident incident = desk.incidents().find(first, Visibility.all()).orElseThrow();
        try (Database handle = Database.open(database.jdbcUrl(), database.user(), database.password())) {
            assertThat(new QueueStore(handle, HandleSearch.withKey("")).related(incident, Visibility.all()))
                    .extracting(QueuedIncident::id)
                    .contains(second)
                    .doesNotContain(first);
        }
    }

    @Test
    void aSessionNeedsItsCsrfTokenToChangeStateABearerTokenDoesNot() throws Exception {
        desk.credentials().createUser("sam", "session passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t");
        var login = client.submitLogin("sam", "session passphrase");
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Secure")
                .contains("Path=/");
        assertThat(client.submitLogin("sam", "wrong").statusCode()).isEqualTo(401);
        assertThat(client.submitLogin("nobody", "x").statusCode()).isEqualTo(401);

        Caller session = client.login("sam", "session passphrase");
        String id = stored("csrf");
        assertThat(client.get("/api/v1/incidents/" + id, session).statusCode()).isEqualTo(200);
        assertThat(client.post(
                                "/api/v1/incidents/" + id + "/status",
                                session.withoutCsrf(),
                                "{\"status\": \"triaging\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.postForm("/incidents/" + id + "/status", session, "status", "triaging")
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.postForm("/incidents/" + id + "/status", session, "status", "triaging", "_csrf", "forged")
                        .statusCode())
                .isEqualTo(403);
        assertThat(json(client.get("/api/v1/incidents/" + id, analyst))
                        .get("status")
                        .asText())
                .isEqualTo("new");
        assertThat(client.post("/api/v1/incidents/" + id + "/status", session, "{\"status\": \"triaging\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(client.postForm(
                                "/incidents/" + id + "/comments",
                                session,
                                "_csrf",
                                session.csrf().orElseThrow(),
                                "body",
                                "from the form")
                        .statusCode())
                .isEqualTo(303);

        for (String elsewhere : List.of("//evil.example/x", "/\t/evil.example", "https://evil.example", "/\\evil")) {
            var redirect = client.postForm(
                    "/prefs/greyscale",
                    session,
                    "_csrf",
                    session.csrf().orElseThrow(),
                    "greyscale",
                    "off",
                    "back",
                    elsewhere);
            assertThat(redirect.headers().firstValue("Location")).as(elsewhere).hasValue("/");
        }
        assertThat(client.postForm(
                                "/prefs/greyscale",
                                session,
                                "_csrf",
                                session.csrf().orElseThrow(),
                                "greyscale",
                                "off",
                                "back",
                                "/?q=partner:ngo-a&tier=high")
                        .headers()
                        .firstValue("Location"))
                .hasValue("/?q=partner:ngo-a&tier=high");
        assertThat(json(client.get("/api/v1/audit?action=preference", lead)).get("items"))
                .as("a display preference is not an action on anyone's data")
                .isEmpty();

        client.postForm("/logout", session, "_csrf", session.csrf().orElseThrow());
        assertThat(client.get("/api/v1/incidents/" + id, session).statusCode()).isEqualTo(401);
        assertThat(client.get("/", session).statusCode()).isEqualTo(303);
    }

    @Test
    void bulkActionsReportEachIncident() throws Exception {
        String one = stored("bulk one");
        String two = stored("bulk two");
        status(analyst, two, "triaging", null, 200);
        status(analyst, two, "confirmed", null, 200);
        JsonNode results = json(client.post(
                        "/api/v1/incidents/bulk",
                        analyst,
                        "{\"ids\": [\"" + one + "\", \"" + two
                                + "\"], \"action\": \"status\", \"status\": \"triaging\"}"))
                .get("results");
        assertThat(results.get(0).get("ok").asBoolean()).isTrue();
        assertThat(results.get(1).get("ok").asBoolean()).isFalse();
        assertThat(results.get(1).get("error").asText()).contains("reopen");
        JsonNode assigned = json(client.post(
                "/api/v1/incidents/bulk",
                analyst,
                "{\"ids\": [\"" + one + "\", \"" + two + "\"], \"action\": \"assign\", \"assignee\": \"ana\"}"));
        assertThat(assigned.get("results"))
                .allSatisfy(result -> assertThat(result.get("ok").asBoolean()).isTrue());
        assertThat(client.post("/api/v1/incidents/bulk", analyst, "{\"ids\": [], \"action\": \"assign\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theAuditLogIsAppendOnlyAndExportsAsCsv() throws Exception {
        String id = stored("audit");
        status(analyst, id, "triaging", null, 200);
        client.post("/api/v1/incidents/" + id + "/comments", analyst, "{\"body\": \"=HYPERLINK(\\\"x\\\")\"}");
        assertThatThrownBy(() -> DeskTestSupport.execute(database, "DELETE FROM audit_event"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> DeskTestSupport.execute(database, "UPDATE audit_event SET actor = 'x'"))
                .hasMessageContaining("append-only");
        var csv = client.get("/api/v1/audit.csv?incident=" + id, lead);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,at,actor,action,incident_id,before,after");
        assertThat(lines).hasSize(3);
        assertThat(csv.body()).contains(",ana,comment," + id + ",");
        assertThat(client.get("/api/v1/audit.csv", analyst).statusCode()).isEqualTo(403);
        assertThat(json(client.get("/api/v1/audit?action=export-audit", lead)).get("items"))
                .isNotEmpty();
    }

    private static List<String> ids(String path) throws Exception {
        List<String> ids = new ArrayList<>();
        json(client.get(path, analyst))
                .get("items")
                .forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** The queue's answer to a search for the needle and more ({@code +word}, {@code &filter=…}). */
    private static List<String> withNeedle(String needle, String more) throws Exception {
        return ids("/api/v1/incidents?q=" + needle + more);
    }

    /** A word no other test's incident holds. */
    private static String needle(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
    }

    /** A stored incitement incident whose ngo-a signal {@code account} posted. */
    private static String stored(String title, String text, String account) throws Exception {
        String id = newId();
        publish(TriageIncidents.campaign(id, 1, title, "incitement", Tier.HIGH, text, "https://e.org/" + id, account));
        awaitVersion(id, 1);
        return id;
    }

    private static String stored(String title) throws Exception {
        String id = newId();
        publish(TriageIncidents.campaign(
                id, 1, title, "dehumanisation", Tier.HIGH, "partner says they are vermin", "https://e.org/" + id));
        awaitVersion(id, 1);
        return id;
    }

    private static void status(Caller caller, String id, String status, String reason, int expected) throws Exception {
        String body = Json.mapper()
                .createObjectNode()
                .put("status", status)
                .put("reason", reason)
                .toString();
        var response = client.post("/api/v1/incidents/" + id + "/status", caller, body);
        assertThat(response.statusCode()).as(status + ": " + response.body()).isEqualTo(expected);
    }

    private static String newId() {
        return TestIncidents.newId();
    }

    private static void publish(Incident incident) throws Exception {
        producer.send(new ProducerRecord<>(
                        Topics.INCIDENTS,
                        incident.id().getBytes(StandardCharsets.UTF_8),
                        IncidentCodec.toJsonBytes(incident)))
                .get();
    }

    private static void awaitVersion(String id, long version) throws Exception {
        Eventually.await(
                TIMEOUT,
                id + " is stored at version " + version,
                () -> desk.incidents()
                                .find(id, Visibility.all())
                                .map(QueuedIncident::version)
                                .orElse(0L)
                        == version);
    }

    private static List<JsonNode> feedbackFor(List<String> incidentIds) throws Exception {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "feedback-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.FEEDBACK));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (found.size() < incidentIds.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (incidentIds.contains(record.key())) {
                        found.add(Json.mapper().readTree(record.value()));
                    }
                }
            }
        }
        return found;
    }
}

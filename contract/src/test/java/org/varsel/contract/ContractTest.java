package org.varsel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractTest {

    static Incident sampleIncident() {
        Instant t = Instant.parse("2026-11-20T10:15:00Z");
        return Incident.builder()
                .id("inc-abc123")
                .version(3)
                .kind(IncidentKind.CO_LINK)
                .title("Same link by 5 accounts")
                .firstSeen(t)
                .lastSeen(t.plusSeconds(60))
                .updatedAt(t.plusSeconds(65))
                .signalCount(5)
                .accountCount(5)
                .sources(List.of("partner:ngo-a"))
                .platforms(List.of("x"))
                .languages(List.of("en"))
                .categories(List.of("disinformation"))
                .disarm(List.of("T0049"))
                .hashtags(List.of("#tag"))
                .urls(List.of("https://example.org/a"))
                .targetGroups(List.of("migrants"))
                .hallmarks(List.of("dehumanisation", "threat"))
                .tcap(List.of("threat-to-life", "place"))
                .ruleHits(List.of(new Incident.RuleHitSummary("r-1", "Rule one", 4, "incitement", "pack-1", 2)))
                .classifier(new Incident.ClassifierSummary("doccat-1", Map.of("hateful", 0.8)))
                .evidence(new Incident.Evidence(
                        List.of(new Incident.EvidenceSignal(
                                "sig-1",
                                "partner:ngo-a",
                                "a-1",
                                t,
                                "https://x.com/a/status/1",
                                "x",
                                "a",
                                "<b>text</b>",
                                "en",
                                Tlp.AMBER,
                                "incitement",
                                List.of("r-1"),
                                List.of(new Incident.MatchedTerm("vermin", 0, 6)),
                                Map.of("hateful", 0.8))),
                        List.of("a", "b"),
                        List.of(new Incident.TimelineBucket(t, 5)),
                        Map.of("shared_url", "https://example.org/a")))
                .severity(72)
                .tier(Tier.HIGH)
                .tlp(Tlp.AMBER)
                .explanation("Five accounts shared the same link within one minute.")
                .build();
    }

    @Test
    void anIncidentUpdateValidatesAgainstIncidentV1AndRoundTrips() throws Exception {
        Incident incident = sampleIncident();
        byte[] json = IncidentCodec.toJsonBytes(incident);
        JsonNode tree = Json.mapper().readTree(json);
        assertThat(ContractSchemas.INCIDENT_V1.violations(tree)).isEmpty();
        assertThat(tree.get("first_seen").asText()).isEqualTo("2026-11-20T10:15:00Z");
        assertThat(tree.get("kind").asText()).isEqualTo("co-link");
        assertThat(tree.get("tlp").asText()).isEqualTo("AMBER");
        assertThat(IncidentCodec.fromJson(json)).isEqualTo(incident);
    }

    /** A campaign of the sample incident as its one finding. */
    static Incident sampleCampaign() {
        Incident finding = sampleIncident();
        Incident.Finding listed = new Incident.Finding(
                finding.id(),
                finding.kind(),
                finding.title(),
                finding.firstSeen(),
                finding.lastSeen(),
                finding.signalCount(),
                finding.accountCount(),
                finding.severity(),
                List.of("acct_a"),
                List.of("tag"),
                List.of("https://e.org/a"),
                "https://e.org/a",
                finding.evidence().timeline(),
                finding.explanation(),
                "shares 4 of 5 accounts (80 % ≥ 50 %) and #tag with hashtag-push inc-b; windows overlap",
                Map.of("acct_a", 3));
        return finding.toBuilder()
                .id("inc-c")
                .kind(IncidentKind.CAMPAIGN)
                .title("Campaign: #tag (9 accounts, 1 findings)")
                .accountCount(9)
                .evidence(new Incident.Evidence(
                        finding.evidence().signals(),
                        List.of("acct_a"),
                        finding.evidence().timeline(),
                        finding.evidence().coordination(),
                        Map.of("acct_a", 3)))
                .explanation("9 accounts pushed #tag")
                .findings(List.of(listed))
                .build();
    }

    @Test
    void aCampaignWithItsFindingsAndARedirectToItValidateAndRoundTrip() throws Exception {
        Incident finding = sampleIncident();
        Incident campaign = sampleCampaign();
        Incident redirect = finding.mergedInto(finding.version() + 1, "inc-c");

        for (Incident update : List.of(campaign, redirect)) {
            byte[] json = IncidentCodec.toJsonBytes(update);
            assertThat(ContractSchemas.INCIDENT_V1.violations(Json.mapper().readTree(json)))
                    .isEmpty();
            assertThat(IncidentCodec.fromJson(json)).isEqualTo(update);
        }
        assertThat(Json.mapper()
                        .readTree(IncidentCodec.toJsonBytes(redirect))
                        .get("merged_into")
                        .asText())
                .isEqualTo("inc-c");
        assertThat(Json.mapper().readTree(IncidentCodec.toJsonBytes(finding)).has("findings"))
                .as("absent unless a campaign")
                .isFalse();
    }

    @Test
    void aSuppressedNearDuplicateNamesTheDismissedIncidentValidatesAndKeepsTheMarkAcrossVersions() throws Exception {
        Incident suppressed = sampleIncident().withSuppressedBy("inc-dismissed-1");
        byte[] json = IncidentCodec.toJsonBytes(suppressed);
        assertThat(ContractSchemas.INCIDENT_V1.violations(Json.mapper().readTree(json)))
                .isEmpty();
        assertThat(Json.mapper().readTree(json).get("suppressed_by").asText()).isEqualTo("inc-dismissed-1");
        assertThat(IncidentCodec.fromJson(json)).isEqualTo(suppressed);
        assertThat(suppressed.withVersion(9).suppressedBy()).isEqualTo("inc-dismissed-1");
        assertThat(Json.mapper()
                        .readTree(IncidentCodec.toJsonBytes(sampleIncident()))
                        .has("suppressed_by"))
                .as("absent unless suppressed")
                .isFalse();
    }

    @Test
    void incidentSchemaRejectsAnUpdateWithoutExplanation() throws Exception {
        JsonNode tree = Json.mapper().readTree(IncidentCodec.toJsonBytes(sampleIncident()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("explanation");
        assertThat(ContractSchemas.INCIDENT_V1.violations(tree)).anyMatch(v -> v.contains("explanation"));
    }

    @Test
    void aDeadLetterKeepsTheOriginalBytesAndValidates() throws Exception {
        byte[] original = {(byte) 0xff, 'x', 0};
        DeadLetter letter =
                new DeadLetter("not valid UTF-8", "partner:a", "varsel.signals.raw", 0, 42L, Instant.EPOCH, original);
        JsonNode tree = Json.mapper().readTree(letter.toJsonBytes());
        assertThat(ContractSchemas.DEAD_LETTER_V1.violations(tree)).isEmpty();
        assertThat(Base64.getDecoder().decode(tree.get("original_base64").asText()))
                .isEqualTo(original);
        assertThat(tree.has("original_text")).isFalse();

        DeadLetter textual =
                new DeadLetter("bad", null, null, null, null, Instant.EPOCH, "{oops".getBytes(StandardCharsets.UTF_8));
        assertThat(Json.mapper()
                        .readTree(textual.toJsonBytes())
                        .get("original_text")
                        .asText())
                .isEqualTo("{oops");
    }

    @Test
    void theMostRestrictiveTlpWins() {
        assertThat(Tlp.GREEN.mostRestrictive(Tlp.AMBER_STRICT)).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.RED.mostRestrictive(Tlp.CLEAR)).isEqualTo(Tlp.RED);
        assertThat(Tlp.fromLabel("amber+strict")).contains(Tlp.AMBER_STRICT);
        assertThat(Tlp.fromLabel("WHITE")).isEmpty();
    }
}

package org.varsel.desk.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.brief.HostileIncidents.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Json;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.model.Audience;
import org.varsel.desk.brief.model.Brief;
import org.varsel.desk.brief.model.Track;
import org.varsel.desk.brief.render.HtmlBrief;
import org.varsel.desk.brief.render.JsonBrief;
import org.varsel.desk.brief.render.MarkdownBrief;
import org.varsel.desk.brief.render.PdfBrief;
import org.varsel.desk.brief.render.StixBrief;
import org.w3c.dom.Document;

/** A brief of a campaign incident lists its findings and totals in every format, and only when TLP lets them go. */
class CampaignBriefTest {
    private static final Instant NOW = Instant.parse("2025-03-02T12:00:00Z");
    private static final Audience PLATFORM_X = Audience.platform("x", Tlp.AMBER);
    private final BriefComposer composer = new BriefComposer(settings());

    private Brief brief(String briefId, org.varsel.contract.Incident incident) {
        return composer.compose(new BriefComposer.Request(briefId, NOW, Track.DSA, PLATFORM_X, List.of(incident)))
                .brief();
    }

    private Brief shareableCampaign() {
        return brief("brf-00000000-0000-4000-8000-00000000c001", campaign("inc-campaign", Tlp.GREEN));
    }

    @Test
    void theComposedBriefCarriesTheCampaignsTotalsAndFindingsRedacted() {
        Brief.Campaign campaign =
                shareableCampaign().incidents().get(0).campaign().orElseThrow();
        assertThat(campaign.accounts()).isEqualTo(17);
        assertThat(campaign.signals()).isEqualTo(130);
        assertThat(campaign.findingCount())
                .as("evidence.coordination.findings counts those the incident does not list")
                .isEqualTo(5);
        assertThat(campaign.findingsByKind())
                .containsExactly(java.util.Map.entry("hashtag-push", 1), java.util.Map.entry("co-link", 1));
        Brief.Finding push = campaign.findings().get(0);
        assertThat(push.kind()).isEqualTo("hashtag-push");
        assertThat(push.sampleAccounts()).containsExactly("@acct_a", "@acct_b", "@acct_c");
        assertThat(push.joinedBecause()).isEmpty();
        assertThat(push.explanation()).contains("[name redacted]").doesNotContain(VICTIM);
        assertThat(campaign.findings().get(1).joinedBecause())
                .hasValueSatisfying(why -> assertThat(why).startsWith("shares 8 of 9 accounts"));
    }

    @Test
    void jsonMarkdownHtmlAndPdfListTheFindingsWithAccountsWindowExplanationAndWhyTheyJoined() throws Exception {
        Brief brief = shareableCampaign();
        JsonNode campaign =
                Json.mapper().readTree(new JsonBrief().render(brief)).at("/incidents/0/campaign");
        assertThat(campaign.get("accounts").asInt()).isEqualTo(17);
        assertThat(campaign.get("findings_total").asInt()).isEqualTo(5);
        assertThat(campaign.at("/findings/1/kind").asText()).isEqualTo("co-link");
        assertThat(campaign.at("/findings/1/sample_accounts/1").asText()).isEqualTo("@acct_d");
        assertThat(campaign.at("/findings/1/first_seen").asText()).isEqualTo("2025-03-01T10:10:00Z");
        assertThat(campaign.at("/findings/1/joined_because").asText()).startsWith("shares 8 of 9 accounts");
        assertThat(campaign.at("/findings/0/explanation").asText())
                .startsWith("Hashtag push: 14 accounts pushed #poisonedwater");
        assertThat(campaign.at("/findings/0").has("joined_because")).isFalse();

        String md = new String(new MarkdownBrief().render(brief), StandardCharsets.UTF_8);
        // prose is backslash-escaped: compare it without the escapes
        assertThat(md.replace("\\", ""))
                .contains(
                        "### Campaign: the detector findings it consolidates",
                        "17 accounts, 130 posts, 2025-03-01 10:00:00 UTC",
                        "5 detector findings (1 hashtag-push, 1 co-link; the 2 largest",
                        "#### Finding 2: co-link: https://hoax.example/water",
                        "- Accounts (sample): ` @acct_a `, ` @acct_d `",
                        "Joined the campaign because it shares 8 of 9 accounts");
        assertThat(md).doesNotContain(VICTIM);

        String html = new HtmlBrief().html(brief);
        Document page = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getElementsByTagName("script").getLength()).isZero();
        assertThat(html.split("class=\"finding\"", -1)).hasSize(3);
        assertThat(html)
                .contains("The finding the campaign grew from.", "Finding 2: co-link: https://hoax.example/water");

        try (PDDocument pdf = Loader.loadPDF(new PdfBrief().render(brief))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(
                            "Campaign: the detector findings it consolidates",
                            "Finding 1: hashtag-push: #poisonedwater",
                            "Joined the campaign because it shares 8 of 9 accounts");
        }
    }

    @Test
    void stixRepresentsTheCampaignWithItsFindingsAsNotesAndTheUrlIndicatorsIndicatingIt() throws Exception {
        JsonNode bundle = Json.mapper().readTree(new StixBrief().render(shareableCampaign()));
        assertThat(StixSchemas.violations(bundle)).isEmpty();
        JsonNode campaign = only(bundle, "campaign");
        String campaignId = campaign.get("id").asText();
        assertThat(campaign.get("name").asText()).isEqualTo("Campaign: #poisonedwater (17 accounts, 5 findings)");
        assertThat(campaign.get("first_seen").asText()).isEqualTo("2025-03-01T10:00:00.000Z");
        assertThat(campaign.get("last_seen").asText()).isEqualTo("2025-03-01T10:50:00.000Z");
        assertThat(campaign.get("description").asText()).contains("17 accounts, 130 posts");
        assertThat(campaign.at("/object_marking_refs/0").asText())
                .isEqualTo("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");

        List<JsonNode> findings = new ArrayList<>();
        bundle.get("objects").forEach(o -> {
            if (o.get("type").asText().equals("note")
                    && o.get("abstract").asText().startsWith("Finding: ")) {
                findings.add(o);
            }
        });
        assertThat(findings).hasSize(2);
        assertThat(findings)
                .allSatisfy(f -> assertThat(f.at("/object_refs/0").asText()).isEqualTo(campaignId));
        assertThat(findings.get(1).get("content").asText())
                .contains(
                        "9 accounts, 12 posts",
                        "@acct_a, @acct_d",
                        "Joined the campaign because it shares 8 of 9 accounts");

        JsonNode indicates = only(bundle, "relationship");
        assertThat(indicates.get("relationship_type").asText()).isEqualTo("indicates");
        assertThat(indicates.get("source_ref").asText())
                .isEqualTo(only(bundle, "indicator").get("id").asText());
        assertThat(indicates.get("target_ref").asText()).isEqualTo(campaignId);
        List<String> reportRefs = new ArrayList<>();
        only(bundle, "report").get("object_refs").forEach(r -> reportRefs.add(r.asText()));
        assertThat(reportRefs)
                .contains(
                        campaignId,
                        indicates.get("id").asText(),
                        findings.get(0).get("id").asText());

        JsonNode again = Json.mapper()
                .readTree(new StixBrief()
                        .render(brief(
                                "brf-00000000-0000-4000-8000-00000000c002", campaign("inc-campaign", Tlp.GREEN))));
        assertThat(only(again, "campaign").get("id").asText())
                .as("the campaign keeps its id from one brief to the next")
                .isEqualTo(campaignId);
    }

    @Test
    void aCampaignWhoseMarkingMayNotGoCarriesNeitherFindingsNorTotalsInAnyFormat() throws Exception {
        Brief brief = brief("brf-00000000-0000-4000-8000-00000000c003", campaign("inc-red-campaign", Tlp.RED));
        assertThat(brief.incidents().get(0).campaign()).isEmpty();
        assertThat(Json.mapper()
                        .readTree(new JsonBrief().render(brief))
                        .at("/incidents/0")
                        .has("campaign"))
                .isFalse();
        for (byte[] rendered : List.of(
                new MarkdownBrief().render(brief), new HtmlBrief().render(brief), new StixBrief().render(brief))) {
            assertThat(new String(rendered, StandardCharsets.UTF_8))
                    .doesNotContain("inc-push-inc-red-campaign", "14 accounts pushed", "@acct_d", "\"campaign\"");
        }
    }

    private static JsonNode only(JsonNode bundle, String type) {
        List<JsonNode> found = new ArrayList<>();
        bundle.get("objects").forEach(o -> {
            if (o.get("type").asText().equals(type)) {
                found.add(o);
            }
        });
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }
}

package org.varsel.desk.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.brief.HostileIncidents.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.model.Audience;
import org.varsel.desk.brief.model.Brief;
import org.varsel.desk.brief.model.Track;
import org.varsel.desk.brief.render.MarkdownBrief;
import org.varsel.desk.brief.render.PdfBrief;

/**
 * What a platform's reviewer reads: why the content is reported in plain words with the evidence, categories by their
 * names (never a classifier's "neutral" or "offensive"), the TLP marking at the head of every format and on every PDF
 * page, and Markdown whose URLs read as typed.
 */
class BriefForHumansTest {
    private static final Instant NOW = Instant.parse("2025-03-02T12:00:00Z");
    private final BriefComposer composer = new BriefComposer(settings());

    private Brief brief(Incident incident, Track track) {
        return composer.compose(new BriefComposer.Request(
                        "brf-00000000-0000-4000-8000-000000000002",
                        NOW,
                        track,
                        Audience.platform("x", Tlp.GREEN),
                        List.of(incident)))
                .brief();
    }

    @Test
    void theWhyIsAPlainSummaryOfTheEvidenceNotSeverityArithmetic() {
        Brief.Incident incident =
                brief(green("inc-why", GREEN_URL), Track.DSA).incidents().get(0);
        assertThat(incident.summary())
                .startsWith("1 post by 1 account on x, seen 2025-03-01 10:00 UTC.")
                .contains("The desk reads them as incitement to violence or crime, aimed at migrants <script>.")
                .contains("\u201cCall to kill\u201d")
                .contains("It may threaten someone's life: it names a place.")
                .contains("For example, @hater_1 wrote on 2025-03-01 10:00 UTC: \u201cKill all the")
                .contains("(matched: kill)")
                .doesNotContain("severity", "/100", "Shareable explanation", "max(");
    }

    @Test
    void classifierLabelsNeutralAndOffensiveAreNeverCategoriesAndHatefulReadsAsHate() {
        Incident labelled =
                withCategories(green("inc-labels", GREEN_URL), List.of("neutral", "offensive", "hateful"), "offensive");
        Brief brief = brief(labelled, Track.DSA);
        assertThat(brief.incidents().get(0).categories()).containsExactly("hate", "incitement");
        String md = new String(new MarkdownBrief().render(brief), StandardCharsets.UTF_8);
        assertThat(md)
                .contains("Categories: Hate speech, Incitement to violence or crime")
                .doesNotContainIgnoringCase("neutral")
                .doesNotContainIgnoringCase("offensive");
    }

    @Test
    void markdownStartsWithTheMarkingAndKeepsUrlsInProseReadable() {
        String url = "https://x.com/plain_poster/status/4242";
        String md =
                new String(new MarkdownBrief().render(brief(green("inc-md", url), Track.TOS)), StandardCharsets.UTF_8);
        assertThat(md).startsWith("**TLP:GREEN**\n");
        assertThat(md).doesNotContain("https\\:", "\\/", "\\.");
        assertThat(md)
                .contains("- URL: ` " + url + " `", "` https://help.x.com/en/rules-and-policies/violent-speech `");
    }

    @Test
    void everyPageOfAPdfBriefCarriesItsTlpMarking() throws IOException {
        List<Incident.EvidenceSignal> many = new ArrayList<>();
        Incident base = green("inc-long", GREEN_URL);
        Incident.EvidenceSignal one = base.evidence().signals().get(0);
        for (int i = 0; i < 40; i++) {
            many.add(new Incident.EvidenceSignal(
                    one.signalId() + i,
                    one.source(),
                    one.externalId() + i,
                    one.observedAt().plusSeconds(i),
                    GREEN_URL + "/" + i,
                    "x",
                    "@poster_" + i,
                    "Post number " + i + ": " + one.text(),
                    "en",
                    Tlp.GREEN,
                    "incitement",
                    one.ruleIds(),
                    one.matchedTerms(),
                    one.scores()));
        }
        Incident long_ = base.toBuilder()
                .version(1)
                .signalCount(many.size())
                .accountCount(many.size())
                .classifier(null)
                .evidence(new Incident.Evidence(many, List.of(), List.of(), Map.of()))
                .build();
        byte[] pdf = new PdfBrief().render(brief(long_, Track.DSA));
        // kept to compare renderings across openhtmltopdf upgrades (page count, text)
        java.nio.file.Files.write(java.nio.file.Path.of("target/sample-brief-long.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
            int pages = document.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                // the items say "TLP:GREEN" too: the marking must be in the page's own header and footer
                String text = stripper.getText(document);
                assertThat(text)
                        .as("page %d", page)
                        .startsWith("brf-00000000-0000-4000-8000-000000000002 TLP:GREEN")
                        .contains("TLP:GREEN \u00b7 page " + page + " of " + pages);
            }
        }
    }

    private static Incident withCategories(Incident base, List<String> categories, String signalCategory) {
        List<Incident.EvidenceSignal> signals = base.evidence().signals().stream()
                .map(s -> new Incident.EvidenceSignal(
                        s.signalId(),
                        s.source(),
                        s.externalId(),
                        s.observedAt(),
                        s.url(),
                        s.platform(),
                        s.author(),
                        s.text(),
                        s.language(),
                        s.tlp(),
                        signalCategory,
                        s.ruleIds(),
                        s.matchedTerms(),
                        s.scores()))
                .toList();
        return base.toBuilder()
                .version(1)
                .signalCount(1)
                .accountCount(1)
                .categories(categories)
                .classifier(null)
                .evidence(new Incident.Evidence(signals, List.of(), List.of(), Map.of()))
                .build();
    }
}

package org.varsel.desk.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.varsel.desk.brief.HostileIncidents.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
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
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every format renders hostile incidents safely, and carries what TLP allows and nothing else. */
class BriefExportsTest {
    private static final Instant NOW = Instant.parse("2025-03-02T12:00:00Z");
    private final BriefComposer composer = new BriefComposer(settings());

    private Brief brief(org.varsel.contract.Incident incident, Track track, Audience audience) {
        return composer.compose(new BriefComposer.Request(
                        "brf-00000000-0000-4000-8000-000000000001", NOW, track, audience, List.of(incident)))
                .brief();
    }

    private Brief toPlatformX() {
        return brief(mixed("inc-mixed"), Track.DSA, Audience.platform("x", Tlp.AMBER));
    }

    @Test
    void markdownNeverBecomesHtmlLinksOrImages() {
        String md = new String(new MarkdownBrief().render(toPlatformX()), StandardCharsets.UTF_8);
        Node document = Parser.builder().build().parse(md);
        List<String> dangerous = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline node) {
                dangerous.add("inline HTML " + node.getLiteral());
            }

            @Override
            public void visit(HtmlBlock node) {
                dangerous.add("HTML block " + node.getLiteral());
            }

            @Override
            public void visit(Link node) {
                dangerous.add("link " + node.getDestination());
            }

            @Override
            public void visit(Image node) {
                dangerous.add("image " + node.getDestination());
            }
        });
        assertThat(dangerous).isEmpty();
        String html = HtmlRenderer.builder().build().render(document);
        assertThat(html).doesNotContain("<script", "<img", "<a ");
        // the exact URLs survive as code spans, the excerpt as a fenced block
        assertThat(md).contains("`` " + GREEN_URL + " ``", "` " + JAVASCRIPT_URL + " `", "````text\n");
        assertThat(html)
                .contains("<code>"
                        + GREEN_URL.replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;") + "</code>");
    }

    @Test
    void htmlEscapesEverythingAndLinksOnlyHttpUrls() throws Exception {
        String html = new HtmlBrief().html(toPlatformX());
        Document page = xml(html);
        assertThat(page.getElementsByTagName("script").getLength()).isZero();
        assertThat(page.getElementsByTagName("img").getLength()).isZero();
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            for (int a = 0; a < element.getAttributes().getLength(); a++) {
                String name = element.getAttributes().item(a).getNodeName();
                assertThat(name)
                        .as("event handler attribute on <%s>", element.getTagName())
                        .doesNotStartWith("on");
            }
            if (element.hasAttribute("href")) {
                assertThat(element.getAttribute("href")).startsWith("http");
            }
        }
        assertThat(html)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(page.getDocumentElement().getTextContent()).contains(HOSTILE, JAVASCRIPT_URL, GREEN_URL);
    }

    @Test
    void pdfOpensAndCarriesTheExactUrls() throws IOException {
        byte[] pdf = new PdfBrief().render(toPlatformX());
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // kept for docs/img/sample-brief.png (pdftoppm -png -r 70 -f 1 -l 2 target/sample-brief.pdf)
        java.nio.file.Files.write(java.nio.file.Path.of("target/sample-brief.pdf"), pdf);
        String text = pdfText(pdf);
        assertThat(squeeze(text)).contains(squeeze(GREEN_URL), squeeze(AMBER_SHARED_URL), squeeze(JAVASCRIPT_URL));
        assertThat(text).contains("Article 16", "TLP:AMBER", "@hater_1", "æøå");
    }

    @Test
    void aLinkedUrlDrawsNothingOverTheObservedTimeBelowIt() throws IOException {
        // openhtmltopdf drew the underline of a wrapped monospace link one line too low: it struck through the
        // "Observed" time under it, which a platform reads as a retracted time
        byte[] pdf = new PdfBrief().render(toPlatformX());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<float[]> observedLines = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String line, List<org.apache.pdfbox.text.TextPosition> positions) {
                    if (line.startsWith("Observed:")) {
                        org.apache.pdfbox.text.TextPosition first = positions.get(0);
                        observedLines.add(new float[] {
                            getCurrentPageNo() - 1,
                            first.getYDirAdj() - first.getHeightDir(),
                            first.getYDirAdj(),
                            first.getXDirAdj(),
                            positions.get(positions.size() - 1).getXDirAdj()
                        });
                    }
                }
            };
            stripper.getText(document);
            assertThat(observedLines).hasSize(3);
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
            for (float[] line : observedLines) {
                java.awt.image.BufferedImage page = renderer.renderImage((int) line[0], 2f);
                int linkColoured = 0;
                for (int y = Math.round(line[1] * 2); y <= Math.round(line[2] * 2); y++) {
                    for (int x = Math.round(line[3] * 2); x <= Math.round(line[4] * 2); x++) {
                        int rgb = page.getRGB(x, y);
                        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                        linkColoured += b > r + 60 && b > g + 40 ? 1 : 0;
                    }
                }
                assertThat(linkColoured)
                        .as("link-coloured pixels across the Observed line on page %d", (int) line[0] + 1)
                        .isZero();
            }
        }
    }

    @Test
    void arabicEvidenceIsSetRightToLeftInTheHtmlAndPrintedShapedInThePdf() throws Exception {
        Brief brief = brief(arabic("inc-arabic"), Track.TOS, Audience.platform("x", Tlp.GREEN));

        Document page = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(new HtmlBrief().render(brief)));
        List<String> excerpts = new ArrayList<>();
        NodeList divs = page.getElementsByTagName("div");
        for (int i = 0; i < divs.getLength(); i++) {
            Element div = (Element) divs.item(i);
            if (div.getAttribute("class").equals("excerpt")) {
                excerpts.add(div.getAttribute("dir") + ": " + div.getTextContent());
            }
        }
        assertThat(excerpts).containsExactly("rtl: " + ARABIC_TEXT, "ltr: Kill all of them");

        byte[] pdf = new PdfBrief().render(brief);
        java.nio.file.Files.write(java.nio.file.Path.of("target/sample-brief-arabic.pdf"), pdf);
        // PDFBox reads the shaped glyphs back as letters in reading order
        assertThat(pdfText(pdf)).contains(ARABIC_TEXT).contains("Kill all of them");
        // before its normalisation, the page's own glyphs are Arabic presentation forms (initial, medial, final shapes
        // and
        // the lam-alef ligature U+FEFB of هؤلاء): they are only there because the text was shaped, not printed letter
        // by letter
        assertThat(glyphs(pdf)).contains("\uFEFB").anyMatch(glyph -> glyph.matches("[\uFE70-\uFEFA]"));
    }

    /** The Unicode of every glyph the PDF draws, as PDFBox reads it before it normalises words. */
    private static List<String> glyphs(byte[] pdf) throws IOException {
        List<String> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
                    glyphs.add(text.getUnicode());
                }
            }.getText(document);
        }
        return glyphs;
    }

    @Test
    void amharicAndBurmeseEvidenceIsPrintedWithEmbeddedEthiopicAndMyanmarGlyphsNotBoxes() throws Exception {
        byte[] pdf = new PdfBrief()
                .render(brief(
                        HostileIncidents.ethiopicAndMyanmar("inc-ethiopic-myanmar"),
                        Track.TOS,
                        Audience.platform("x", Tlp.GREEN)));
        java.nio.file.Files.write(java.nio.file.Path.of("target/sample-brief-ethiopic-myanmar.pdf"), pdf);

        Map<String, org.apache.pdfbox.pdmodel.font.PDFont> fonts = embeddedFonts(pdf);
        // a subset font is named ABCDEF+Family: the evidence pulled glyphs from the bundled Noto faces
        assertThat(fonts.keySet())
                .anyMatch(name -> name.contains("NotoSansEthiopic"))
                .anyMatch(name -> name.contains("NotoSansMyanmar"));
        String text = pdfText(pdf);
        assertThat(text).contains(HostileIncidents.AMHARIC_TEXT).contains("Kill all of them");
        for (int codePoint :
                HostileIncidents.BURMESE_TEXT.replace(" ", "").codePoints().toArray()) {
            assertThat(text)
                    .as("Burmese %s printed", Character.getName(codePoint))
                    .contains(Character.toString(codePoint));
        }
        for (org.apache.pdfbox.pdmodel.font.PDFont font : fonts.values()) {
            assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
        }
    }

    /** Every font the PDF's pages use, by name. */
    private static Map<String, org.apache.pdfbox.pdmodel.font.PDFont> embeddedFonts(byte[] pdf) throws IOException {
        Map<String, org.apache.pdfbox.pdmodel.font.PDFont> fonts = new java.util.TreeMap<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    org.apache.pdfbox.pdmodel.font.PDFont font =
                            page.getResources().getFont(name);
                    fonts.put(font.getName(), font);
                }
            }
        }
        return fonts;
    }

    @Test
    void jsonKeepsHostileTextAsData() throws IOException {
        JsonNode json = Json.mapper().readTree(new JsonBrief().render(toPlatformX()));
        assertThat(json.get("schema").asText()).isEqualTo(JsonBrief.SCHEMA);
        JsonNode first = json.get("incidents").get(0).get("items").get(0);
        assertThat(first.get("url").asText()).isEqualTo(GREEN_URL);
        assertThat(first.get("excerpt").asText()).startsWith(HOSTILE);
        assertThat(json.get("incidents")
                        .get(0)
                        .get("grounds")
                        .get(0)
                        .get("text")
                        .asText())
                .contains("§ 136");
    }

    @Test
    void stixValidatesAgainstTheOasisSchemas() throws IOException {
        for (Brief brief : List.of(
                toPlatformX(),
                brief(mixed("inc-m"), Track.TOS, Audience.partner("ngo-b", Tlp.AMBER_STRICT)),
                brief(green("inc-g", GREEN_URL), Track.TOS, Audience.platform("x", Tlp.GREEN)))) {
            JsonNode bundle = Json.mapper().readTree(new StixBrief().render(brief));
            assertThat(StixSchemas.violations(bundle)).isEmpty();
        }
    }

    @Test
    void stixCitesDisarmTechniquesAndTheOfficialTlp2Markings() throws IOException {
        JsonNode bundle = Json.mapper().readTree(new StixBrief().render(toPlatformX()));
        List<String> types = new ArrayList<>();
        bundle.get("objects").forEach(o -> types.add(o.get("type").asText()));
        assertThat(types)
                .contains(
                        "report",
                        "identity",
                        "observed-data",
                        "note",
                        "indicator",
                        "url",
                        "user-account",
                        "marking-definition");
        // the mixed incident's DISARM techniques may come from its withheld evidence: only a shareable one cites them
        assertThat(types).doesNotContain("attack-pattern");
        JsonNode shareable = Json.mapper()
                .readTree(new StixBrief()
                        .render(brief(green("inc-green", GREEN_URL), Track.DSA, Audience.platform("x", Tlp.AMBER))));
        JsonNode pattern = find(shareable, "attack-pattern");
        assertThat(pattern.at("/external_references/0/source_name").asText()).isEqualTo("DISARM");
        assertThat(pattern.at("/external_references/0/external_id").asText()).isIn("T0049", "T0085.001");
        String json = bundle.toString();
        assertThat(json)
                .contains(
                        "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
                        "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
                        "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d");
        assertThat(json).doesNotContain("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
        assertThat(find(bundle, "indicator").get("pattern").asText()).startsWith("[url:value = '");
    }

    @Test
    void aBriefToAPlatformCarriesOnlyWhatTlpAllowsAndNoPersonalData() {
        Brief brief = toPlatformX();
        assertThat(brief.marking()).isEqualTo(Tlp.AMBER);
        assertThat(brief.urls()).containsExactly(GREEN_URL, JAVASCRIPT_URL, AMBER_SHARED_URL);
        Brief.Incident incident = brief.incidents().get(0);
        assertThat(incident.explanation()).isEmpty();
        assertThat(incident.coordination()).isEmpty();
        assertThat(incident.title()).doesNotContain("script").startsWith("Incident inc-mixed");
        assertThat(incident.items().get(0).excerpt())
                .contains("[name redacted]", "[email redacted]")
                .doesNotContain(VICTIM, STAFF_EMAIL);
        assertThat(incident.items())
                .extracting(Brief.Item::source)
                .containsExactly("feed:rss", "feed:rss", "partner report");
        // merged fields could come from the withheld RED evidence: only what the shared evidence carries
        assertThat(incident.hallmarks()).isEmpty();
        assertThat(incident.categories()).containsExactly("incitement");
        assertThat(incident.targetGroups()).isEmpty();
        assertThat(incident.disarm()).isEmpty();
    }

    @Test
    void aBriefWhoseEvidenceIsAllRedIsRefused() {
        assertThatThrownBy(() -> brief(redOnly("inc-red"), Track.DSA, Audience.partner("ngo-a", Tlp.RED)))
                .isInstanceOf(BriefRefused.class)
                .hasMessageContaining("TLP:RED")
                .hasMessageNotContaining(RED_TEXT);
    }

    @Test
    void theDsaTrackNeedsALegalProvisionAndTheTosTrackCitesThePlatformsPolicy() {
        org.varsel.contract.Incident influence = green("inc-io", GREEN_URL);
        influence = influence.toBuilder()
                .version(1)
                .signalCount(1)
                .accountCount(1)
                .categories(List.of("influence-operation"))
                .hallmarks(List.of())
                .tcap(List.of())
                .ruleHits(List.of())
                .classifier(null)
                .evidence(new org.varsel.contract.Incident.Evidence(
                        influence.evidence().signals().stream()
                                .map(s -> new org.varsel.contract.Incident.EvidenceSignal(
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
                                        null,
                                        List.of(),
                                        List.of(),
                                        s.scores()))
                                .toList(),
                        List.of(),
                        List.of(),
                        java.util.Map.of()))
                .build();
        org.varsel.contract.Incident io = influence;
        assertThatThrownBy(() -> brief(io, Track.DSA, Audience.platform("x", Tlp.GREEN)))
                .isInstanceOf(BriefRefused.class)
                .hasMessageContaining("no legal provision");
        Brief tos = brief(io, Track.TOS, Audience.platform("x", Tlp.GREEN));
        assertThat(tos.incidents().get(0).grounds())
                .extracting(Brief.Ground::text)
                .containsExactly("X Rules: Platform manipulation and spam");
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static JsonNode find(JsonNode bundle, String type) {
        for (JsonNode object : bundle.get("objects")) {
            if (object.get("type").asText().equals(type)) {
                return object;
            }
        }
        throw new AssertionError("no " + type + " in the bundle");
    }

    static Document xml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}

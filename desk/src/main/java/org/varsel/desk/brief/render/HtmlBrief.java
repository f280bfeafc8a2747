package org.varsel.desk.brief.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.Tier;
import org.varsel.desk.brief.model.Brief;

/**
 * A brief as an XHTML page (also the source of the PDF). The Pebble template escapes every value; only http(s) URLs
 * become links, so a {@code javascript:} URL in the evidence is shown, never followed.
 */
public final class HtmlBrief implements BriefRenderer {
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(new ClasspathLoader())
            .autoEscaping(true)
            .defaultEscapingStrategy("html")
            .strictVariables(true)
            .cacheActive(true)
            .build();
    private static final PebbleTemplate TEMPLATE = ENGINE.getTemplate("briefs/brief.peb");

    @Override
    public byte[] render(Brief brief) {
        return html(brief).getBytes(StandardCharsets.UTF_8);
    }

    /** The page as text. */
    public String html(Brief brief) {
        StringWriter out = new StringWriter();
        try {
            TEMPLATE.evaluate(out, view(brief), Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Map<String, Object> view(Brief brief) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", Wording.title(brief));
        view.put("tlp", "TLP:" + brief.marking().label());
        view.put("tlpClass", brief.marking().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        view.put("tlpRule", Wording.tlpRule(brief.marking()));
        view.put("id", brief.id());
        view.put("date", Wording.time(brief.createdAt()));
        view.put("audience", brief.audience().label());
        view.put("trackLine", Wording.trackLine(brief.track()));
        view.put("notifierName", brief.notifier().name());
        view.put("notifierEmail", brief.notifier().email());
        view.put(
                "notifierOrganisation",
                Optional.ofNullable(brief.notifier().organisation()).orElse(""));
        view.put("requestedAction", brief.requestedAction());
        view.put("groundsHeading", Wording.groundsHeading(brief.track()));
        view.put("goodFaith", brief.goodFaithStatement());
        view.put("protection", Wording.protectionNote());
        List<Map<String, Object>> incidents = new ArrayList<>();
        for (Brief.Incident incident : brief.incidents()) {
            incidents.add(incident(incident));
        }
        view.put("incidents", incidents);
        return view;
    }

    private static Map<String, Object> incident(Brief.Incident incident) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", incident.id());
        view.put("version", incident.version());
        view.put("title", incident.title());
        view.put("titleDir", direction(incident.title()));
        view.put("tlp", "TLP:" + incident.marking().label());
        view.put("seen", Wording.time(incident.firstSeen()) + " to " + Wording.time(incident.lastSeen()));
        view.put("summary", incident.summary());
        view.put("threatToLife", incident.tier() == Tier.THREAT_TO_LIFE ? Wording.threatToLife() : "");
        view.put("categories", Wording.categories(incident.categories()));
        view.put("hallmarks", Wording.joined(incident.hallmarks()));
        view.put("tcap", Wording.joined(incident.tcap()));
        view.put("disarm", Wording.joined(incident.disarm()));
        view.put("tier", incident.tier().label() + ", severity " + incident.severity() + "/100");
        view.put("targetGroups", Wording.joined(incident.targetGroups()));
        view.put("coordination", incident.coordination());
        List<Map<String, String>> grounds = new ArrayList<>();
        for (Brief.Ground ground : incident.grounds()) {
            grounds.add(Map.of(
                    "line",
                    Wording.ground(ground),
                    "url",
                    ground.url().orElse(""),
                    "href",
                    ground.url().flatMap(HtmlBrief::href).orElse("")));
        }
        view.put("grounds", grounds);
        List<Map<String, String>> items = new ArrayList<>();
        for (Brief.Item item : incident.items()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("url", Optional.ofNullable(item.url()).orElse("(none)"));
            row.put(
                    "href",
                    Optional.ofNullable(item.url()).flatMap(HtmlBrief::href).orElse(""));
            row.put("observed", Wording.time(item.observedAt()));
            row.put("account", Optional.ofNullable(item.account()).orElse("(none)"));
            row.put("platform", Optional.ofNullable(item.platform()).orElse("unknown"));
            row.put("source", item.source() + ", TLP:" + item.tlp().label());
            row.put("matched", String.join(", ", item.matchedTerms()));
            row.put("excerpt", Optional.ofNullable(item.excerpt()).orElse(""));
            row.put("dir", direction(row.get("excerpt")));
            items.add(row);
        }
        view.put("items", items);
        view.put("campaign", incident.campaign().map(HtmlBrief::campaign).orElse(Map.of()));
        return view;
    }

    private static Map<String, Object> campaign(Brief.Campaign campaign) {
        List<Map<String, String>> findings = new ArrayList<>();
        for (Brief.Finding finding : campaign.findings()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("heading", Wording.findingHeading(finding));
            row.put("dir", direction(row.get("heading")));
            row.put("incident", finding.incidentId());
            row.put("counts", Wording.findingCounts(finding));
            row.put("accounts", String.join(", ", finding.sampleAccounts()));
            row.put("explanation", Optional.ofNullable(finding.explanation()).orElse(""));
            row.put("joined", Wording.joinedBecause(finding));
            findings.add(row);
        }
        return Map.of(
                "heading", Wording.campaignHeading(), "totals", Wording.campaignTotals(campaign), "findings", findings);
    }

    /**
     * {@code rtl} when the text's first strong letter is right-to-left (Arabic, Hebrew, ...), else {@code ltr}: what a
     * browser does for {@code dir="auto"}, spelled out because the PDF renderer does not implement {@code auto}.
     */
    static String direction(String text) {
        if (text == null || text.isEmpty()) {
            return "ltr";
        }
        return new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight() ? "ltr" : "rtl";
    }

    /** The URL as a link target, only when it is a plain http(s) URL. */
    static Optional<String> href(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null
                            && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                            && uri.getHost() != null
                    ? Optional.of(uri.toASCIIString())
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}

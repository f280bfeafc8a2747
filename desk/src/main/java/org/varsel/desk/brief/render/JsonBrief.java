package org.varsel.desk.brief.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.varsel.contract.Json;
import org.varsel.desk.brief.model.Brief;

/** A brief as JSON for a platform's intake tooling; the shape is documented in {@code docs/briefs.md}. */
public final class JsonBrief implements BriefRenderer {
    public static final String SCHEMA = "varsel.brief.v1";

    @Override
    public byte[] render(Brief brief) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        // the marking heads the document, as on every page of the PDF
        root.put("tlp", brief.marking().label());
        root.put("id", brief.id());
        root.put("created_at", brief.createdAt().toString());
        root.put("track", brief.track().label());
        root.put("title", Wording.title(brief));
        root.put("audience", brief.audience().label());
        ObjectNode notifier = root.putObject("notifier");
        notifier.put("name", brief.notifier().name());
        notifier.put("email", brief.notifier().email());
        if (brief.notifier().organisation() != null) {
            notifier.put("organisation", brief.notifier().organisation());
        }
        root.put("requested_action", brief.requestedAction());
        root.put("good_faith_statement", brief.goodFaithStatement());
        ArrayNode incidents = root.putArray("incidents");
        for (Brief.Incident incident : brief.incidents()) {
            incidents.add(incident(incident));
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write brief " + brief.id(), e);
        }
    }

    private static ObjectNode incident(Brief.Incident incident) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", incident.id());
        node.put("version", incident.version());
        node.put("kind", incident.kind());
        node.put("title", incident.title());
        node.put("summary", incident.summary());
        node.put("tier", incident.tier().label());
        node.put("severity", incident.severity());
        node.put("tlp", incident.marking().label());
        strings(node, "categories", incident.categories());
        strings(node, "dangerous_speech_hallmarks", incident.hallmarks());
        strings(node, "tcap", incident.tcap());
        strings(node, "disarm", incident.disarm());
        strings(node, "target_groups", incident.targetGroups());
        node.put("first_seen", time(incident.firstSeen()));
        node.put("last_seen", time(incident.lastSeen()));
        incident.explanation().ifPresent(why -> node.put("explanation", why));
        ObjectNode coordination = node.putObject("coordination");
        incident.coordination().forEach(coordination::put);
        ArrayNode grounds = node.putArray("grounds");
        for (Brief.Ground ground : incident.grounds()) {
            ObjectNode g = grounds.addObject();
            g.put("category", ground.category());
            g.put("text", ground.text());
            ground.url().ifPresent(url -> g.put("url", url));
        }
        incident.campaign().ifPresent(campaign -> node.set("campaign", campaign(campaign)));
        ArrayNode items = node.putArray("items");
        for (Brief.Item item : incident.items()) {
            ObjectNode i = items.addObject();
            i.put("url", item.url());
            i.put("observed_at", time(item.observedAt()));
            i.put("platform", item.platform());
            i.put("account", item.account());
            i.put("excerpt", item.excerpt());
            i.put("tlp", item.tlp().label());
            i.put("source", item.source());
            strings(i, "matched_terms", item.matchedTerms());
        }
        return node;
    }

    private static ObjectNode campaign(Brief.Campaign campaign) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("accounts", campaign.accounts());
        node.put("signals", campaign.signals());
        node.put("first_seen", time(campaign.firstSeen()));
        node.put("last_seen", time(campaign.lastSeen()));
        node.put("findings_total", campaign.findingCount());
        ObjectNode byKind = node.putObject("findings_by_kind");
        campaign.findingsByKind().forEach(byKind::put);
        strings(node, "hashtags", campaign.hashtags());
        strings(node, "urls", campaign.urls());
        ArrayNode findings = node.putArray("findings");
        for (Brief.Finding finding : campaign.findings()) {
            ObjectNode f = findings.addObject();
            f.put("incident_id", finding.incidentId());
            f.put("kind", finding.kind());
            f.put("subject", finding.subject());
            f.put("first_seen", time(finding.firstSeen()));
            f.put("last_seen", time(finding.lastSeen()));
            f.put("signals", finding.signals());
            f.put("accounts", finding.accounts());
            strings(f, "sample_accounts", finding.sampleAccounts());
            f.put("explanation", finding.explanation());
            finding.joinedBecause().ifPresent(why -> f.put("joined_because", why));
        }
        return node;
    }

    private static void strings(ObjectNode node, String name, List<String> values) {
        ArrayNode array = node.putArray(name);
        values.forEach(array::add);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

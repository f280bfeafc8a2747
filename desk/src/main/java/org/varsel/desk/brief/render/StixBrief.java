package org.varsel.desk.brief.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.varsel.contract.Json;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.model.Brief;

/**
 * A brief as a STIX 2.1 bundle: per incident a {@code report} that refers to {@code observed-data} (with {@code url}
 * and {@code user-account} observables), a {@code note} per excerpt, an {@code indicator} per URL and an
 * {@code attack-pattern} per DISARM technique; every object carries its TLP 2.0 {@code marking-definition}. Ids are
 * UUIDv5, so the same content gets the same ids in every export. The mapping is in {@code docs/briefs.md}.
 */
public final class StixBrief implements BriefRenderer {
    /** The TLP 2.0 marking extension (OASIS cti-stix-common-objects). */
    static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    /** The official TLP 2.0 marking-definition ids. */
    static final Map<Tlp, String> TLP2_MARKINGS = Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String TLP2_CREATED = "2022-10-01T00:00:00.000Z";
    /** STIX 2.1 namespace for deterministic observable ids (section 2.9). */
    private static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
    /** Varsel's own namespace for the ids of the objects it describes. */
    private static final UUID VARSEL_NAMESPACE = UUID.fromString("6f1b3a52-3c1e-5c55-9d0e-7661727365ab");

    @Override
    public byte[] render(Brief brief) {
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        Set<Tlp> markings = EnumSet.of(Tlp.CLEAR);
        String created = timestamp(brief.createdAt());

        ObjectNode identity = sdo(
                "identity",
                id("identity", VARSEL_NAMESPACE, "notifier:" + brief.notifier().email()),
                created,
                Tlp.CLEAR);
        identity.put(
                "name",
                brief.notifier().organisation() == null
                        ? brief.notifier().name()
                        : brief.notifier().name() + " (" + brief.notifier().organisation() + ")");
        identity.put("identity_class", "organization");
        identity.put("contact_information", brief.notifier().email());
        put(objects, identity);
        String identityId = identity.get("id").asText();

        for (Brief.Incident incident : brief.incidents()) {
            List<String> refs = new ArrayList<>();
            for (String technique : incident.disarm()) {
                ObjectNode pattern = sdo(
                        "attack-pattern",
                        id("attack-pattern", VARSEL_NAMESPACE, "disarm:" + technique),
                        created,
                        Tlp.CLEAR);
                pattern.put("name", "DISARM " + technique);
                ObjectNode reference = pattern.putArray("external_references").addObject();
                reference.put("source_name", "DISARM");
                reference.put("external_id", technique);
                put(objects, pattern);
                refs.add(pattern.get("id").asText());
            }
            List<String> observed = new ArrayList<>();
            for (Brief.Item item : incident.items()) {
                markings.add(item.tlp());
                observed.add(item(objects, refs, incident, item, identityId, created));
            }
            incident.explanation().ifPresent(why -> {
                ObjectNode note = authored(
                        "note", brief.id() + ":" + incident.id() + ":why", created, incident.marking(), identityId);
                note.put("abstract", "Why the desk flagged this incident");
                StringBuilder content = new StringBuilder(why);
                incident.coordination()
                        .forEach((k, v) ->
                                content.append("\n").append(k).append(": ").append(v));
                note.put("content", content.toString());
                strings(note, "object_refs", observed);
                put(objects, note);
                refs.add(note.get("id").asText());
            });
            incident.campaign()
                    .ifPresent(
                            campaign -> refs.addAll(campaign(objects, refs, incident, campaign, identityId, created)));
            markings.add(incident.marking());
            ObjectNode report =
                    authored("report", brief.id() + ":" + incident.id(), created, incident.marking(), identityId);
            report.put("name", incident.title());
            report.put(
                    "description",
                    incident.summary() + "\n" + Wording.trackLine(brief.track()) + "\n"
                            + Wording.groundsHeading(brief.track()) + ": "
                            + String.join(
                                    "; ",
                                    incident.grounds().stream()
                                            .map(g -> g.category() + ": " + g.text())
                                            .toList())
                            + "\nRequested action: " + brief.requestedAction());
            report.putArray("report_types").add("threat-report");
            report.put("published", created);
            List<String> labels = new ArrayList<>();
            labels.add("track:" + brief.track().label());
            labels.add("tier:" + incident.tier().label());
            incident.categories().forEach(c -> labels.add("category:" + c));
            incident.hallmarks().forEach(h -> labels.add("hallmark:" + h));
            incident.tcap().forEach(t -> labels.add("tcap:" + t));
            incident.targetGroups().forEach(t -> labels.add("target-group:" + t));
            strings(report, "labels", labels);
            ArrayNode references = report.putArray("external_references");
            ObjectNode briefReference = references.addObject();
            briefReference.put("source_name", "varsel-brief");
            briefReference.put("external_id", brief.id());
            ObjectNode incidentReference = references.addObject();
            incidentReference.put("source_name", "varsel-incident");
            incidentReference.put("external_id", incident.id());
            for (Brief.Ground ground : incident.grounds()) {
                ObjectNode g = references.addObject();
                g.put(
                        "source_name",
                        brief.track() == org.varsel.desk.brief.model.Track.DSA ? "legal-provision" : "platform-policy");
                g.put("description", ground.category() + ": " + ground.text());
                ground.url().flatMap(HtmlBrief::href).ifPresent(url -> g.put("url", url));
            }
            refs.add(identityId);
            strings(report, "object_refs", refs.stream().distinct().toList());
            put(objects, report);
        }

        ArrayNode all = Json.mapper().createArrayNode();
        for (Tlp tlp : markings) {
            all.add(marking(tlp));
        }
        objects.values().forEach(all::add);
        ObjectNode bundle = Json.mapper().createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", id("bundle", VARSEL_NAMESPACE, brief.id()));
        bundle.set("objects", all);
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write brief " + brief.id() + " as STIX", e);
        }
    }

    /**
     * A campaign incident as a STIX {@code campaign} (its id stable across exports: it names the campaign, not the
     * brief), a {@code note} per finding referring to it, and an {@code indicates} relationship from each cited URL's
     * indicator. All carry the incident's marking: the findings mix every source of the campaign.
     */
    private static List<String> campaign(
            Map<String, ObjectNode> objects,
            List<String> refs,
            Brief.Incident incident,
            Brief.Campaign campaign,
            String identityId,
            String created) {
        ObjectNode node = authored("campaign", "campaign:" + incident.id(), created, incident.marking(), identityId);
        node.put("name", incident.title());
        node.put(
                "description",
                Wording.campaignTotals(campaign)
                        + incident.explanation().map(why -> "\n" + why).orElse(""));
        node.put("first_seen", time(campaign.firstSeen(), created));
        node.put("last_seen", time(campaign.lastSeen(), created));
        put(objects, node);
        String campaignId = node.get("id").asText();
        List<String> added = new ArrayList<>(List.of(campaignId));
        for (Brief.Finding finding : campaign.findings()) {
            ObjectNode note = authored(
                    "note", campaignId + ":finding:" + finding.incidentId(), created, incident.marking(), identityId);
            note.put("abstract", "Finding: " + Wording.findingHeading(finding));
            note.put(
                    "content",
                    String.join(
                            "\n",
                            Wording.findingCounts(finding),
                            "Detector incident: " + finding.incidentId(),
                            "Accounts (sample): " + Wording.joined(finding.sampleAccounts()),
                            "What the detector saw: " + (finding.explanation() == null ? "" : finding.explanation()),
                            Wording.joinedBecause(finding)));
            strings(note, "object_refs", List.of(campaignId));
            put(objects, note);
            added.add(note.get("id").asText());
        }
        for (String indicator : refs.stream()
                .filter(r -> r.startsWith("indicator--"))
                .distinct()
                .toList()) {
            ObjectNode relationship = authored(
                    "relationship", indicator + ":indicates:" + campaignId, created, incident.marking(), identityId);
            relationship.put("relationship_type", "indicates");
            relationship.put("source_ref", indicator);
            relationship.put("target_ref", campaignId);
            put(objects, relationship);
            added.add(relationship.get("id").asText());
        }
        return added;
    }

    /** The observables, observed-data, excerpt note and URL indicator of one item; returns the observed-data id. */
    private static String item(
            Map<String, ObjectNode> objects,
            List<String> refs,
            Brief.Incident incident,
            Brief.Item item,
            String identityId,
            String created) {
        List<String> observables = new ArrayList<>();
        if (item.url() != null) {
            ObjectNode url = sco("url", "value", item.url(), item.tlp());
            put(objects, url);
            observables.add(url.get("id").asText());
            ObjectNode indicator =
                    authored("indicator", incident.id() + ":url:" + item.url(), created, item.tlp(), identityId);
            indicator.put("name", "Reported content on " + (item.platform() == null ? "the web" : item.platform()));
            indicator.put("pattern", "[url:value = '" + patternString(item.url()) + "']");
            indicator.put("pattern_type", "stix");
            indicator.put("valid_from", time(item.observedAt(), created));
            put(objects, indicator);
            refs.add(indicator.get("id").asText());
        }
        if (item.account() != null) {
            ObjectNode account = sco("user-account", "account_login", item.account(), item.tlp());
            put(objects, account);
            observables.add(account.get("id").asText());
        }
        String observedAt = time(item.observedAt(), created);
        ObjectNode observed = authored(
                "observed-data",
                incident.id() + ":" + item.url() + ":" + item.account() + ":" + observedAt,
                created,
                item.tlp(),
                identityId);
        observed.put("first_observed", observedAt);
        observed.put("last_observed", observedAt);
        observed.put("number_observed", 1);
        if (observables.isEmpty()) {
            throw new IllegalStateException("an item without URL or account cannot be exported as STIX");
        }
        strings(observed, "object_refs", observables);
        put(objects, observed);
        String observedId = observed.get("id").asText();
        refs.add(observedId);
        refs.addAll(observables);
        if (item.excerpt() != null && !item.excerpt().isBlank()) {
            ObjectNode note = authored("note", observedId + ":excerpt", created, item.tlp(), identityId);
            note.put(
                    "abstract",
                    "Excerpt (" + item.source() + ", TLP:" + item.tlp().label() + ")");
            note.put("content", item.excerpt());
            strings(note, "object_refs", List.of(observedId));
            put(objects, note);
            refs.add(note.get("id").asText());
        }
        return observedId;
    }

    /** A TLP 2.0 marking-definition as OASIS publishes it. */
    static ObjectNode marking(Tlp tlp) {
        ObjectNode marking = Json.mapper().createObjectNode();
        marking.put("type", "marking-definition");
        marking.put("spec_version", "2.1");
        marking.put("id", TLP2_MARKINGS.get(tlp));
        marking.put("created", TLP2_CREATED);
        marking.put("name", "TLP:" + tlp.label());
        ObjectNode extension = marking.putObject("extensions").putObject(TLP2_EXTENSION);
        extension.put("extension_type", "property-extension");
        extension.put("tlp_2_0", tlp.label().toLowerCase(Locale.ROOT));
        return marking;
    }

    /** A domain object the notifier's identity created, its id derived from {@code seed} in Varsel's namespace. */
    private static ObjectNode authored(String type, String seed, String created, Tlp tlp, String identityId) {
        ObjectNode node = sdo(type, id(type, VARSEL_NAMESPACE, seed), created, tlp);
        node.put("created_by_ref", identityId);
        return node;
    }

    private static ObjectNode sdo(String type, String id, String created, Tlp tlp) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("type", type);
        node.put("spec_version", "2.1");
        node.put("id", id);
        node.put("created", created);
        node.put("modified", created);
        node.putArray("object_marking_refs").add(TLP2_MARKINGS.get(tlp));
        return node;
    }

    private static ObjectNode sco(String type, String property, String value, Tlp tlp) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("type", type);
        node.put("spec_version", "2.1");
        ObjectNode contributing = Json.mapper().createObjectNode().put(property, value);
        node.put("id", id(type, SCO_NAMESPACE, contributing.toString()));
        node.put(property, value);
        node.putArray("object_marking_refs").add(TLP2_MARKINGS.get(tlp));
        return node;
    }

    /** Keeps the first of two objects with one id (the same URL cited twice), with the more restrictive marking. */
    private static void put(Map<String, ObjectNode> objects, ObjectNode object) {
        String id = object.get("id").asText();
        ObjectNode existing = objects.get(id);
        if (existing == null) {
            objects.put(id, object);
            return;
        }
        Tlp kept = markingOf(existing).mostRestrictive(markingOf(object));
        ((ArrayNode) existing.get("object_marking_refs")).removeAll().add(TLP2_MARKINGS.get(kept));
    }

    private static Tlp markingOf(ObjectNode object) {
        String ref = object.get("object_marking_refs").get(0).asText();
        return TLP2_MARKINGS.entrySet().stream()
                .filter(e -> e.getValue().equals(ref))
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    /** STIX patterning string literal: backslash and quote escaped. */
    static String patternString(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static void strings(ObjectNode node, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
    }

    private static String time(Instant instant, String fallback) {
        return instant == null ? fallback : timestamp(instant);
    }

    /** STIX timestamps: UTC, with at least millisecond precision. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** {@code type--<UUIDv5(namespace, name)>}. */
    static String id(String type, UUID namespace, String name) {
        return type + "--" + uuid5(namespace, name);
    }

    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits())
                    .array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}

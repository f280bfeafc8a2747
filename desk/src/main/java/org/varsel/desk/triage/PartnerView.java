package org.varsel.desk.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.varsel.contract.Json;
import org.varsel.contract.Tlp;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.incident.Visibility;

/**
 * What a partner may see of an incident its signals are part of: only its own evidence signals (and their authors),
 * never other sources' content or names, the detector's coordination details, or the desk's internal assignment.
 *
 * <p>When the incident holds signals of other sources, every field the pipeline merged from all signals (urls,
 * hashtags, target groups, categories, the marking, the title, ...) is recomputed from the partner's own evidence
 * signals: a RED signal of partner A must not surface in partner B's view through a merged list. Fields that cannot be
 * attributed to a signal (target groups, DISARM techniques, hallmarks, TCAP tags, the timeline) are left empty, and the
 * incident's tier and severity, which the pipeline computed over every signal, are left out: closed, not guessed. An
 * early warning is always recomputed so, and its trend left out: it counts signals beyond the examples it lists.
 */
public final class PartnerView {
    private static final String NEUTRAL = "neutral";

    private PartnerView() {}

    /** The incident as this caller may see it: a partner's view for a partner, else the incident itself. */
    public static ObjectNode forViewer(ObjectNode incident, Principal viewer) {
        return viewer.role() == Role.PARTNER && viewer.partnerId().isPresent()
                ? of(incident, viewer.partnerId().get())
                : incident;
    }

    /** A copy of the incident JSON cut down to what partner {@code partnerId} contributed. */
    public static ObjectNode of(ObjectNode incident, String partnerId) {
        String source = Visibility.sourceOf(partnerId);
        ObjectNode view = incident.deepCopy();
        view.remove("assignee");
        view.remove("status_reason");
        // An early warning counts every source's signals of a rise but lists only a few examples (and their sources):
        // its
        // trend and counts are never the partner's alone, whatever the listed sources say.
        view.remove("trend");
        boolean onlyOwn = !"early-warning".equals(incident.path("kind").asText())
                && StreamSupport.stream(incident.path("sources").spliterator(), false)
                        .allMatch(s -> source.equals(s.asText()));
        // which other partners reported is theirs to tell, not ours
        view.putArray("sources").add(source);
        List<JsonNode> own = new ArrayList<>();
        for (JsonNode signal : incident.path("evidence").path("signals")) {
            if (source.equals(signal.path("source").asText())) {
                own.add(signal);
            }
        }
        Set<String> authors = distinct(own, "author");
        ObjectNode evidence = view.putObject("evidence");
        evidence.set("signals", Json.mapper().valueToTree(own));
        evidence.set("accounts", array(authors));
        evidence.putObject("coordination");
        if (onlyOwn) {
            evidence.set("timeline", incident.path("evidence").path("timeline").deepCopy());
        } else {
            evidence.putArray("timeline");
            fromOwnEvidence(view, own, authors.size());
        }
        return view;
    }

    private static void fromOwnEvidence(ObjectNode view, List<JsonNode> own, int accounts) {
        String kind = view.path("kind").asText("incident");
        view.put("title", own.isEmpty() ? "Incident (" + kind + ")" : "Incident (" + kind + ") with your reports");
        view.put(
                "explanation",
                "This incident joins " + own.size() + " of your signals with reports the desk does not"
                        + " share with you; what is shown here is drawn from your own signals only.");
        view.put("signal_count", own.size());
        view.put("account_count", accounts);
        view.put(
                "tlp",
                own.stream()
                        .map(s -> Tlp.fromLabel(s.path("tlp").asText()).orElse(Tlp.RED))
                        .reduce(Tlp::mostRestrictive)
                        .orElse(Tlp.GREEN)
                        .label());
        own.stream()
                .map(s -> s.path("observed_at").asText())
                .filter(t -> !t.isEmpty())
                .min(String::compareTo)
                .ifPresent(t -> view.put("first_seen", t));
        own.stream()
                .map(s -> s.path("observed_at").asText())
                .filter(t -> !t.isEmpty())
                .max(String::compareTo)
                .ifPresent(t -> view.put("last_seen", t));
        view.set("platforms", array(distinct(own, "platform")));
        view.set("languages", array(distinct(own, "language")));
        Set<String> categories = distinct(own, "category");
        categories.remove(NEUTRAL);
        view.set("categories", array(categories));
        view.putArray("target_groups");
        view.putArray("disarm");
        view.putArray("hallmarks");
        view.putArray("tcap");
        // another source's threat to life would raise them: a partner's queue and filters treat them as unknown
        view.remove("tier");
        view.remove("severity");
        view.set("urls", array(occurring(view.path("urls"), own, "")));
        view.set("hashtags", array(occurring(view.path("hashtags"), own, "#")));
        view.set("rule_hits", ownRuleHits(view.path("rule_hits"), own));
        ObjectNode classifier = view.path("classifier") instanceof ObjectNode c ? c : null;
        if (classifier != null) {
            Map<String, Double> max = new TreeMap<>();
            own.forEach(s -> s.path("scores")
                    .fields()
                    .forEachRemaining(e -> max.merge(e.getKey(), e.getValue().asDouble(), Math::max)));
            classifier.set("max_scores", Json.mapper().valueToTree(max));
        }
    }

    /** The merged values that the partner's own evidence shows: in a text (after {@code prefix}) or as a post's url. */
    private static Set<String> occurring(JsonNode merged, List<JsonNode> own, String prefix) {
        Set<String> kept = new LinkedHashSet<>();
        for (JsonNode value : merged) {
            String wanted = (prefix + value.asText()).toLowerCase(Locale.ROOT);
            boolean shown = own.stream()
                    .anyMatch(s -> s.path("text")
                                    .asText("")
                                    .toLowerCase(Locale.ROOT)
                                    .contains(wanted)
                            || s.path("url").asText("").toLowerCase(Locale.ROOT).equals(wanted));
            if (shown && !value.asText().isEmpty()) {
                kept.add(value.asText());
            }
        }
        return kept;
    }

    /** The rule hits among the partner's own evidence, counted over that evidence. */
    private static ArrayNode ownRuleHits(JsonNode hits, List<JsonNode> own) {
        ArrayNode kept = Json.mapper().createArrayNode();
        for (JsonNode hit : hits) {
            String rule = hit.path("rule_id").asText();
            long count = own.stream()
                    .filter(s -> StreamSupport.stream(s.path("rule_ids").spliterator(), false)
                            .anyMatch(r -> rule.equals(r.asText())))
                    .count();
            if (count > 0) {
                kept.add(((ObjectNode) hit.deepCopy()).put("count", count));
            }
        }
        return kept;
    }

    private static Set<String> distinct(List<JsonNode> signals, String field) {
        Set<String> values = new LinkedHashSet<>();
        signals.forEach(s -> {
            if (s.path(field).isTextual() && !s.path(field).asText().isBlank()) {
                values.add(s.path(field).asText());
            }
        });
        return values;
    }

    private static ArrayNode array(Set<String> values) {
        ArrayNode array = Json.mapper().createArrayNode();
        values.forEach(array::add);
        return array;
    }
}

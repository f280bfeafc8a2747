package org.varsel.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Reviewer wellness: which evidence is blurred until the reviewer chooses to look. */
public final class Wellness {
    /** Harm categories whose content is violent or graphic enough to hide by default. */
    public static final Set<String> SENSITIVE_CATEGORIES = Set.of(
            "threat",
            "incitement",
            "terrorist-content",
            "dehumanisation",
            "dangerous-speech",
            "violent-extremism",
            "graphic-violence",
            "hateful");

    public static final Set<String> SENSITIVE_TIERS = Set.of("threat-to-life", "crisis");

    private Wellness() {}

    /** Whether the incident as a whole is sensitive (by tier or any of its categories). */
    public static boolean sensitive(JsonNode incident) {
        if (SENSITIVE_TIERS.contains(incident.path("tier").asText())) {
            return true;
        }
        for (JsonNode category : incident.path("categories")) {
            if (SENSITIVE_CATEGORIES.contains(category.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Whether one evidence signal is sensitive: its own category, or the incident's when the signal has none. */
    public static boolean sensitive(JsonNode signal, boolean incidentSensitive) {
        String category = signal.path("category").asText("");
        return SENSITIVE_CATEGORIES.contains(category) || incidentSensitive;
    }
}

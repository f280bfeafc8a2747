package org.varsel.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which detector opened an incident, or {@code campaign} when several detectors' findings were consolidated. */
public enum IncidentKind {
    PARTNER_ASSESSMENT("partner-assessment"),
    HIGH_SEVERITY("high-severity"),
    CO_SIMILAR_TEXT("co-similar-text"),
    CO_LINK("co-link"),
    HASHTAG_PUSH("hashtag-push"),
    SURGE("surge"),
    /** Threatening or dehumanising signals against one target group rising for several periods (its trend is attached). */
    EARLY_WARNING("early-warning"),
    /** Several findings of the detectors above consolidated into one campaign (its findings are listed). */
    CAMPAIGN("campaign");

    private final String label;

    IncidentKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}

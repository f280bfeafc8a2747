package org.varsel.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgently an incident needs a person, TCAP-style: threat to life first. */
public enum Tier {
    THREAT_TO_LIFE("threat-to-life"),
    CRISIS("crisis"),
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The tier a severity score (0-100) falls in, when nothing more specific (threat to life, crisis) applies. */
    public static Tier forSeverity(int severity) {
        if (severity >= 70) {
            return HIGH;
        }
        return severity >= 40 ? MEDIUM : LOW;
    }
}

package org.varsel.desk.incident;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where an analyst has taken an incident; set by people, never by the pipeline (transitions: triage.Workflow). */
public enum IncidentStatus {
    NEW,
    TRIAGING,
    CONFIRMED,
    DISMISSED,
    ESCALATED,
    CLOSED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every status's label, in workflow order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(IncidentStatus::label).toList();
    }

    public static Optional<IncidentStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }
}

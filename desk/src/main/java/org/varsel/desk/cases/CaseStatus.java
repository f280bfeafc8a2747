package org.varsel.desk.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where a case stands with its platform: sent → acknowledged → actioned → appealed → closed. */
public enum CaseStatus {
    SENT,
    ACKNOWLEDGED,
    ACTIONED,
    APPEALED,
    CLOSED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What the platform's next answer may be. A platform may act without acknowledging first, and an appeal ends in a
     * new decision; a closed case is reopened only by sending it a new notice.
     */
    public Set<CaseStatus> next() {
        return switch (this) {
            case SENT -> Set.of(ACKNOWLEDGED, ACTIONED, CLOSED);
            case ACKNOWLEDGED -> Set.of(ACTIONED, CLOSED);
            case ACTIONED -> Set.of(APPEALED, CLOSED);
            case APPEALED -> Set.of(ACTIONED, CLOSED);
            case CLOSED -> Set.of();
        };
    }

    public static Optional<CaseStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }
}

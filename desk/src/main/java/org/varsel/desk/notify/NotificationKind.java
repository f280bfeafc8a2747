package org.varsel.desk.notify;

import java.util.Arrays;
import java.util.Optional;

/** Why a user is told about an incident. */
public enum NotificationKind {
    THREAT_TO_LIFE("threat-to-life"),
    ASSIGNED("assigned");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<NotificationKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
    }
}

package org.varsel.desk.brief.store;

import java.util.Arrays;
import java.util.Optional;

/** What a platform told the desk about one reported URL. */
public enum ResponseAction {
    RECEIVED("received"),
    REMOVED("removed"),
    RESTRICTED("restricted"),
    LABELLED("labelled"),
    NO_ACTION("no-action");

    private final String label;

    ResponseAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A decision, as opposed to an acknowledgement of receipt. */
    public boolean isDecision() {
        return this != RECEIVED;
    }

    public static Optional<ResponseAction> fromLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
    }
}

package org.varsel.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Traffic Light Protocol 2.0 marking, ordered from least to most restrictive. */
public enum Tlp {
    CLEAR("CLEAR"),
    GREEN("GREEN"),
    AMBER("AMBER"),
    AMBER_STRICT("AMBER+STRICT"),
    RED("RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The marking with this TLP 2.0 label (case-insensitive), if it is one. */
    public static Optional<Tlp> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(t -> t.label.equalsIgnoreCase(label.trim()))
                .findFirst();
    }

    @JsonCreator
    static Tlp jsonValue(String label) {
        return fromLabel(label).orElseThrow(() -> new IllegalArgumentException("unknown TLP marking: " + label));
    }

    /** The more restrictive of the two: what a combination of both may be shared as. */
    public Tlp mostRestrictive(Tlp other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public boolean isAtMost(Tlp ceiling) {
        return ordinal() <= ceiling.ordinal();
    }
}

package org.varsel.desk.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a caller may do at the desk. */
public enum Role {
    ANALYST,
    LEAD,
    ADMIN,
    /** A partner organisation: sees only the incidents its own signals are part of. */
    PARTNER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst();
    }
}

package org.varsel.desk.brief.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why the platform should act: the content is believed illegal (DSA notice) or it breaks the platform's own terms. */
public enum Track {
    /** EU Digital Services Act Art. 16(2) notice: illegal content, with the legal provision. */
    DSA,
    /** Harmful but legal content, reported against the platform's terms of service. */
    TOS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Track> fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label().equals(label)).findFirst();
    }
}

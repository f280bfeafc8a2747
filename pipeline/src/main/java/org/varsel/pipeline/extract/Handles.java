package org.varsel.pipeline.extract;

import java.util.Locale;
import java.util.Optional;

/** Canonical account handles: no leading '@', lower case, so "@SomeOne" and "someone" are one account. */
public final class Handles {

    private Handles() {}

    /** The canonical handle, or empty if {@code raw} is blank or has characters no handle has. */
    public static Optional<String> canonical(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String h = raw.strip();
        while (h.startsWith("@") || h.startsWith("\uFF20")) {
            h = h.substring(1);
        }
        if (h.isEmpty() || h.length() > 320) {
            return Optional.empty();
        }
        for (int k = 0; k < h.length(); k++) {
            char c = h.charAt(k);
            boolean ok = Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '@';
            if (!ok) {
                return Optional.empty();
            }
        }
        return Optional.of(h.toLowerCase(Locale.ROOT));
    }
}

package org.varsel.desk.incident;

import java.util.Objects;
import java.util.Optional;
import org.varsel.desk.auth.Principal;

/** Which incidents a reader may see: all of them, or those a partner contributed a signal to. */
public record Visibility(Optional<String> partnerId) {
    public Visibility {
        Objects.requireNonNull(partnerId);
    }

    public static Visibility all() {
        return new Visibility(Optional.empty());
    }

    /** What this caller may see: a partner its own incidents, everyone else all. */
    public static Visibility of(Principal principal) {
        return principal.partnerId().map(Visibility::partner).orElseGet(Visibility::all);
    }

    /** Incidents whose {@code sources} name {@code partner:<partnerId>}. */
    public static Visibility partner(String partnerId) {
        return new Visibility(Optional.of(partnerId));
    }

    /** The source label the pipeline gives this partner's signals. */
    public Optional<String> requiredSource() {
        return partnerId.map(Visibility::sourceOf);
    }

    /** The source label the pipeline gives partner {@code partnerId}'s signals. */
    public static String sourceOf(String partnerId) {
        return "partner:" + partnerId;
    }
}

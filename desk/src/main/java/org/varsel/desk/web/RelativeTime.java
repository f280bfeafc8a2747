package org.varsel.desk.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** "12 min ago", "3 h ago", "5 d ago": how old something is at a glance (the page shows the instant on hover). */
public final class RelativeTime {
    private RelativeTime() {}

    /** The age of {@code iso} (an ISO-8601 instant) at {@code now}; empty when it is not one. */
    public static Optional<String> ago(String iso, Instant now) {
        try {
            return Optional.of(ago(Duration.between(Instant.parse(iso), now)));
        } catch (RuntimeException notAnInstant) {
            return Optional.empty();
        }
    }

    static String ago(Duration age) {
        if (age.isNegative() || age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 2) {
            return age.toHours() + " h ago";
        }
        return age.toDays() < 60 ? age.toDays() + " d ago" : age.toDays() / 30 + " months ago";
    }
}

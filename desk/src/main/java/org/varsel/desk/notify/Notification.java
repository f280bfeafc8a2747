package org.varsel.desk.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a user's inbox: what happened to which incident, who did it, whether the user has read it, and how its
 * e-mail fared ({@code none} when the user has no address, {@code pending}, {@code sent} or {@code failed}).
 */
public record Notification(
        long id,
        NotificationKind kind,
        String incidentId,
        String title,
        String tier,
        Optional<String> actor,
        Instant createdAt,
        Optional<Instant> readAt,
        String mail,
        int mailAttempts,
        Optional<String> mailError) {

    public boolean read() {
        return readAt.isPresent();
    }

    /** What the inbox says happened, without the incident's title. */
    public String summary() {
        return switch (kind) {
            case THREAT_TO_LIFE -> "Threat-to-life incident";
            case ASSIGNED -> "Assigned to you by " + actor.orElse("a colleague");
        };
    }
}

package org.varsel.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An analyst's verdict on an incident (schema feedback.v1, topic {@link Topics#FEEDBACK}): which rules and model
 * version raised a true ({@code confirmed}) or a false ({@code dismissed}) alarm.
 *
 * @param eventId unique per verdict; consumers deduplicate redeliveries on it
 */
public record Feedback(
        String schema,
        String eventId,
        String incidentId,
        long incidentVersion,
        String verdict,
        String reason,
        List<String> ruleIds,
        String modelVersion,
        List<String> categories,
        String analyst,
        Instant decidedAt) {

    public static final String SCHEMA = "feedback.v1";

    public Feedback {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(incidentId);
        if (!"confirmed".equals(verdict) && !"dismissed".equals(verdict)) {
            throw new IllegalArgumentException("verdict must be confirmed or dismissed, was " + verdict);
        }
        ruleIds = List.copyOf(ruleIds);
        categories = List.copyOf(categories);
    }
}

package org.varsel.desk.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;

/**
 * What the analyst narrows the queue to; every part optional.
 *
 * @param partner a partner id: incidents its signals are part of
 * @param rule a rule id that matched in the incident
 * @param from incidents active at or after this time ({@code last_seen})
 * @param to incidents that began before this time ({@code first_seen})
 * @param text full-text search over title, explanation and evidence text (web-search syntax: quotes, or, -),
 *     stemmed in English and Danish
 * @param handle an account handle as the analyst knows it ({@code @someone}): matched clear and pseudonymised
 */
public record QueueFilter(
        Optional<IncidentStatus> status,
        Optional<IncidentKind> kind,
        Optional<Tier> tier,
        Optional<String> category,
        Optional<String> platform,
        Optional<String> language,
        Optional<String> partner,
        Optional<String> rule,
        Optional<String> assignee,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> text,
        Optional<String> handle) {

    public QueueFilter {
        Objects.requireNonNull(status);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(tier);
        Objects.requireNonNull(category);
        Objects.requireNonNull(platform);
        Objects.requireNonNull(language);
        Objects.requireNonNull(partner);
        Objects.requireNonNull(rule);
        Objects.requireNonNull(assignee);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(text);
        Objects.requireNonNull(handle);
    }

    public static QueueFilter none() {
        Optional<String> no = Optional.empty();
        return new QueueFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                no,
                no,
                no,
                no,
                no,
                no,
                Optional.empty(),
                Optional.empty(),
                no,
                no);
    }

    /** The same filter for every status (the status counts use it). */
    public QueueFilter anyStatus() {
        return withStatus(Optional.empty());
    }

    public QueueFilter withStatus(IncidentStatus newStatus) {
        return withStatus(Optional.of(newStatus));
    }

    private QueueFilter withStatus(Optional<IncidentStatus> newStatus) {
        return new QueueFilter(
                newStatus, kind, tier, category, platform, language, partner, rule, assignee, from, to, text, handle);
    }
}

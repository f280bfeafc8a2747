package org.varsel.desk.brief.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;

/**
 * A brief as composed for one audience: already filtered by TLP and redacted, so every renderer may print all of it.
 *
 * @param marking the most restrictive marking of what the brief carries
 * @param goodFaithStatement the DSA Art. 16(2)(d) statement; on every track, since it is true on both
 */
public record Brief(
        String id,
        Instant createdAt,
        Track track,
        Audience audience,
        Tlp marking,
        Notifier notifier,
        String requestedAction,
        String goodFaithStatement,
        List<Incident> incidents) {

    public Brief {
        Objects.requireNonNull(id);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(track);
        Objects.requireNonNull(audience);
        Objects.requireNonNull(marking);
        Objects.requireNonNull(notifier);
        incidents = List.copyOf(incidents);
        if (incidents.isEmpty()) {
            throw new IllegalArgumentException("a brief is about at least one incident");
        }
    }

    /** Every URL the brief reports, in order, once. */
    public List<String> urls() {
        return incidents.stream()
                .flatMap(i -> i.items().stream())
                .map(Item::url)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /** Every category across the incidents, once. */
    public List<String> categories() {
        return incidents.stream()
                .flatMap(i -> i.categories().stream())
                .distinct()
                .toList();
    }

    /** What the brief says about one incident. */
    public record Incident(
            String id,
            long version,
            String kind,
            String title,
            String summary,
            Tier tier,
            int severity,
            Tlp marking,
            List<String> categories,
            List<String> hallmarks,
            List<String> tcap,
            List<String> disarm,
            List<String> targetGroups,
            Instant firstSeen,
            Instant lastSeen,
            Optional<String> explanation,
            Map<String, String> coordination,
            List<Item> items,
            List<Ground> grounds,
            Optional<Campaign> campaign) {

        public Incident {
            categories = List.copyOf(categories);
            hallmarks = List.copyOf(hallmarks);
            tcap = List.copyOf(tcap);
            disarm = List.copyOf(disarm);
            targetGroups = List.copyOf(targetGroups);
            coordination = Map.copyOf(coordination);
            items = List.copyOf(items);
            grounds = List.copyOf(grounds);
        }
    }

    /**
     * What a campaign incident consolidated: its totals and the detector findings that are its evidence. It mixes every
     * source of the campaign, so a brief carries it only when the incident's summary may go to the audience.
     *
     * @param findingCount every finding the campaign holds; {@code findings} lists the largest ones the incident carries
     */
    public record Campaign(
            int accounts,
            int signals,
            Instant firstSeen,
            Instant lastSeen,
            int findingCount,
            Map<String, Integer> findingsByKind,
            List<String> hashtags,
            List<String> urls,
            List<Finding> findings) {
        public Campaign {
            findingsByKind = Collections.unmodifiableMap(new LinkedHashMap<>(findingsByKind));
            hashtags = List.copyOf(hashtags);
            urls = List.copyOf(urls);
            findings = List.copyOf(findings);
        }
    }

    /**
     * One detector finding of a campaign: what it saw, who (a sample of its accounts), when, and why it joined.
     *
     * @param joinedBecause the consolidation criterion in numbers; empty for the finding that founded the campaign
     */
    public record Finding(
            String incidentId,
            String kind,
            String subject,
            Instant firstSeen,
            Instant lastSeen,
            int signals,
            int accounts,
            List<String> sampleAccounts,
            String explanation,
            Optional<String> joinedBecause) {
        public Finding {
            sampleAccounts = List.copyOf(sampleAccounts);
        }
    }

    /**
     * One piece of content: where it is, when it was seen, who posted it and what it says (redacted).
     *
     * @param source {@code partner report} or the feed, unless the audience is the partner that reported it
     */
    public record Item(
            String url,
            Instant observedAt,
            String platform,
            String account,
            String excerpt,
            Tlp tlp,
            String source,
            List<String> matchedTerms) {
        public Item {
            matchedTerms = List.copyOf(matchedTerms);
        }
    }

    /**
     * Why the platform should act on an incident: a legal provision (DSA track) or a platform policy (ToS track).
     *
     * @param url the policy's address; empty for legal provisions
     */
    public record Ground(String category, String text, Optional<String> url) {}
}

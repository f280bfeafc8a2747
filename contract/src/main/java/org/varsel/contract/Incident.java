package org.varsel.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One versioned update of an incident (schema incident.v1): a campaign or a single grave signal, with the
 * evidence and the explanation an analyst needs. Lists are never null, except {@code findings} (campaigns only);
 * {@code mergedInto} is set on the last version of an incident that was merged into a campaign; {@code trend} is set
 * on early warnings only.
 *
 * @param hallmarks Dangerous Speech hallmarks of the rules that matched ({@code hallmark:} tags, without the prefix)
 * @param suppressedBy the dismissed incident this one is a near-duplicate of (same content within the suppression
 *     TTL): the desk files it below the queue instead of alerting again; null when it stands on its own
 * @param tcap TCAP tags of the rules that matched ({@code tcap:} tags without the prefix: a terrorist-content tier,
 *     and the {@code time}, {@code place} or {@code means} a threat names)
 */
public record Incident(
        String schema,
        String id,
        long version,
        IncidentKind kind,
        String title,
        Instant firstSeen,
        Instant lastSeen,
        Instant updatedAt,
        int signalCount,
        int accountCount,
        List<String> sources,
        List<String> platforms,
        List<String> languages,
        List<String> categories,
        List<String> disarm,
        List<String> hashtags,
        List<String> urls,
        List<String> targetGroups,
        List<String> hallmarks,
        List<String> tcap,
        List<RuleHitSummary> ruleHits,
        ClassifierSummary classifier,
        Evidence evidence,
        int severity,
        Tier tier,
        Tlp tlp,
        String explanation,
        List<Finding> findings,
        String mergedInto,
        String suppressedBy,
        Trend trend) {

    public static final String SCHEMA = "incident.v1";

    /** Updates written before hallmarks and TCAP tags travelled have neither: read them as empty. */
    public Incident {
        hallmarks = hallmarks == null ? List.of() : hallmarks;
        tcap = tcap == null ? List.of() : tcap;
    }

    /** A builder for a new incident update: name the fields that matter, the rest stay empty. */
    public static IncidentBuilder builder() {
        return new IncidentBuilder();
    }

    /** A builder that starts from this update, to derive another from it. */
    public IncidentBuilder toBuilder() {
        return new IncidentBuilder(this);
    }

    /** The same update with the trend an early warning shows. */
    public Incident withTrend(Trend shown) {
        return toBuilder().trend(shown).build();
    }

    /** The same update as version {@code next}, pointing to the campaign it was merged into (a redirect for consumers). */
    public Incident mergedInto(long next, String campaignId) {
        return toBuilder().version(next).mergedInto(campaignId).build();
    }

    /** The same update under another version number (a campaign numbers the versions of the id it emits). */
    public Incident withVersion(long next) {
        return toBuilder().version(next).build();
    }

    /** The same update marked as a near-duplicate of the dismissed incident {@code dismissedId}. */
    public Incident withSuppressedBy(String dismissedId) {
        return toBuilder().suppressedBy(dismissedId).build();
    }

    /**
     * One detector finding within a campaign: what the detector saw (kind, subject, window, counts, its own explanation),
     * a sample of its accounts and content (for the network picture), its volume over time, and why it joined the campaign.
     */
    public record Finding(
            String incidentId,
            IncidentKind kind,
            String title,
            Instant firstSeen,
            Instant lastSeen,
            int signalCount,
            int accountCount,
            int severity,
            List<String> accounts,
            List<String> hashtags,
            List<String> urls,
            String subject,
            List<TimelineBucket> timeline,
            String explanation,
            String joinedBecause,
            Map<String, Integer> accountPosts) {

        /** Findings written before posts per account travelled have none: read them as empty. */
        public Finding {
            accountPosts = accountPosts == null ? Map.of() : accountPosts;
        }
    }

    /** How many times one rule matched within the incident. */
    public record RuleHitSummary(
            String ruleId, String title, Integer severity, String category, String packVersion, int count) {}

    /** The classifier's highest score per label across the incident's signals. */
    public record ClassifierSummary(String modelVersion, Map<String, Double> maxScores) {}

    /**
     * Capped evidence: a few signals, sample accounts, a timeline, and the detector's own evidence.
     *
     * @param accountPosts posts per sample account (for a campaign: the most an account posted in one of its findings,
     *     a lower bound of its posts in the campaign); empty in updates written before it travelled
     */
    public record Evidence(
            List<EvidenceSignal> signals,
            List<String> accounts,
            List<TimelineBucket> timeline,
            Map<String, String> coordination,
            Map<String, Integer> accountPosts) {

        public Evidence {
            accountPosts = accountPosts == null ? Map.of() : accountPosts;
        }

        /** Evidence without posts per account (single signals, tests). */
        public Evidence(
                List<EvidenceSignal> signals,
                List<String> accounts,
                List<TimelineBucket> timeline,
                Map<String, String> coordination) {
            this(signals, accounts, timeline, coordination, Map.of());
        }
    }

    /** One signal shown as evidence, its text capped. */
    public record EvidenceSignal(
            String signalId,
            String source,
            String externalId,
            Instant observedAt,
            String url,
            String platform,
            String author,
            String text,
            String language,
            Tlp tlp,
            String category,
            List<String> ruleIds,
            List<MatchedTerm> matchedTerms,
            Map<String, Double> scores) {}

    /** Where a rule matched in an evidence signal's text: [start, end) in UTF-16 units. */
    public record MatchedTerm(String term, int start, int end) {}

    /** Signals per time bucket, for the timeline chart. */
    public record TimelineBucket(Instant start, int count) {}

    /**
     * An early warning's trend: the threatening and dehumanising signals against one target group (in one region, when
     * the signals name it) per period, each against the baseline of the periods before the rise.
     *
     * @param region the country or region the signals name, or null for all of them
     * @param period {@code P1D} or {@code P7D}
     * @param sustainedPeriods how many periods in a row above the baseline opened the warning
     * @param method how baseline and threshold are computed, in words
     */
    public record Trend(
            String targetGroup,
            String region,
            String period,
            int sustainedPeriods,
            String method,
            List<TrendPoint> series) {
        public Trend {
            series = series == null ? List.of() : List.copyOf(series);
        }
    }

    /** One period of a trend: its count, the baseline mean and the threshold a count had to reach to count as raised. */
    public record TrendPoint(Instant start, int count, double baseline, double threshold) {
        public boolean raised() {
            return count >= threshold;
        }
    }
}

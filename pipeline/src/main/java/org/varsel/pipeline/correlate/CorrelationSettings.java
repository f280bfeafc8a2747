package org.varsel.pipeline.correlate;

import java.io.Serializable;
import java.time.Duration;

/**
 * The detectors' thresholds, windows and update policy (keys {@code pipeline.co-similar.*}, {@code pipeline.co-link.*},
 * {@code pipeline.hashtag-push.*}, {@code pipeline.surge.*}, {@code pipeline.baseline.*},
 * {@code pipeline.high-severity.*}, {@code pipeline.partner.*}, {@code pipeline.incidents.*}; see
 * docs/configuration.md and docs/incidents.md).
 */
public record CorrelationSettings(
        int coSimilarMinAccounts,
        Duration coSimilarWindow,
        double coSimilarJaccard,
        int coSimilarMinWords,
        int coSimilarShingleWords,
        int coSimilarHashes,
        int coLinkMinAccounts,
        Duration coLinkWindow,
        int hashtagPushMinAccounts,
        double hashtagPushFactor,
        int surgeMinAccounts,
        double surgeFactor,
        Duration baselineBucket,
        double baselineAlpha,
        int highSeverityRuleSeverity,
        double highSeverityHatefulScore,
        int partnerMinConfidence,
        Duration idleTimeout,
        Duration updateInterval,
        Duration stateTtl)
        implements Serializable {

    public static CorrelationSettings defaults() {
        return new CorrelationSettings(
                5,
                Duration.ofHours(1),
                0.8,
                5,
                3,
                64,
                5,
                Duration.ofHours(1),
                10,
                5.0,
                10,
                5.0,
                Duration.ofMinutes(10),
                0.2,
                4,
                0.9,
                80,
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                Duration.ofDays(2));
    }

    public CorrelationSettings {
        positive("pipeline.co-similar.min-accounts", coSimilarMinAccounts);
        positive("pipeline.co-link.min-accounts", coLinkMinAccounts);
        positive("pipeline.hashtag-push.min-accounts", hashtagPushMinAccounts);
        positive("pipeline.surge.min-accounts", surgeMinAccounts);
        positive("pipeline.co-similar.shingle-words", coSimilarShingleWords);
        positive("pipeline.co-similar.hashes", coSimilarHashes);
        if (coSimilarJaccard <= 0 || coSimilarJaccard > 1) {
            throw new IllegalArgumentException(
                    "pipeline.co-similar.jaccard must lie in (0, 1], not " + coSimilarJaccard);
        }
        if (baselineAlpha <= 0 || baselineAlpha >= 1) {
            throw new IllegalArgumentException("pipeline.baseline.alpha must lie in (0, 1), not " + baselineAlpha);
        }
        for (Duration d :
                new Duration[] {coSimilarWindow, coLinkWindow, baselineBucket, idleTimeout, updateInterval, stateTtl}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("correlation windows and timeouts must be positive, not " + d);
            }
        }
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, not " + value);
        }
    }
}

package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.minutes;
import static org.varsel.pipeline.correlate.Posts.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;

class BaselineBurstsTest {
    static final CorrelationSettings SETTINGS = CorrelationSettings.defaults();
    static final CorrelationKeys KEYS = new CorrelationKeys(SETTINGS);

    static DetectorRun<BurstState> hashtags(List<Posts> posts) {
        DetectorRun<BurstState> run = new DetectorRun<>(BaselineBursts.hashtagPush(SETTINGS), Duration.ofMinutes(5));
        posts.forEach(p -> run.feed(KEYS.hashtags(p.analysed())));
        return run.finish();
    }

    static DetectorRun<BurstState> surges(List<Posts> posts) {
        DetectorRun<BurstState> run = new DetectorRun<>(BaselineBursts.surge(SETTINGS), Duration.ofMinutes(5));
        posts.forEach(p -> run.feed(KEYS.surge(p.analysed())));
        return run.finish();
    }

    /** {@code accounts} distinct accounts using the hashtag in the 10-minute bucket that starts at {@code minute}. */
    static List<Posts> bucket(String tag, int minute, int accounts, String prefix) {
        List<Posts> posts = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            posts.add(post(prefix + "-" + minute + "-" + i)
                    .by(prefix + i)
                    .at(minutes(minute + 9.0 * i / Math.max(1, accounts)))
                    .hashtag(tag));
        }
        return posts;
    }

    @Test
    void flagsAHashtagPushedByThirtyAccountsAgainstABaselineOfTwo() {
        List<Posts> posts = new ArrayList<>();
        for (int b = 0; b < 12; b++) {
            posts.addAll(bucket("#StopTheSteal", b * 10, 2, "regular"));
        }
        posts.addAll(bucket("#StopTheSteal", 120, 30, "pusher"));
        posts.addAll(bucket("#StopTheSteal", 130, 2, "regular"));

        Map<String, Incident> incidents = hashtags(posts).latest();

        assertThat(incidents).hasSize(1);
        Incident incident = incidents.values().iterator().next();
        assertThat(incident.kind()).isEqualTo(IncidentKind.HASHTAG_PUSH);
        assertThat(incident.hashtags()).containsExactly("#StopTheSteal");
        // the two regular accounts of the next bucket join: that bucket is judged (and the push closed) at its end
        assertThat(incident.accountCount()).isEqualTo(32);
        assertThat(incident.firstSeen()).isEqualTo(minutes(120));
        assertThat(incident.lastSeen()).isBefore(minutes(140));
        assertThat(incident.explanation()).contains("#stopthesteal", "at least 10 accounts", "5.0× the baseline");
        assertThat(Double.parseDouble(incident.evidence().coordination().get("baseline_per_bucket")))
                .isBetween(1.5, 2.0);
    }

    @Test
    void aHashtagAlwaysUsedByManyAccountsIsNotAPushOnceItsBaselineIsKnown() {
        List<Posts> posts = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            posts.addAll(bucket("#news", b * 10, 8, "reader"));
        }
        for (int b = 3; b < 30; b++) {
            posts.addAll(bucket("#news", b * 10, 25, "reader"));
        }
        Map<String, Incident> incidents = hashtags(posts).latest();
        // 8 a bucket, then 25: a rise of 3×, not 5×: nothing; a steady 25 never is
        assertThat(incidents).isEmpty();
    }

    @Test
    void nineAccountsAreBelowTheMinimumEvenOnANewHashtag() {
        assertThat(hashtags(bucket("#brandnew", 0, 9, "a")).emitted).isEmpty();
    }

    @Test
    void aSustainedPushStaysOneIncidentAndClosesWhenItFades() {
        List<Posts> posts = new ArrayList<>();
        posts.addAll(bucket("#march", 0, 12, "p"));
        posts.addAll(bucket("#march", 10, 20, "p"));
        posts.addAll(bucket("#march", 20, 40, "p"));
        posts.addAll(bucket("#march", 30, 1, "late"));
        posts.addAll(bucket("#march", 200, 3, "quiet"));
        DetectorRun<BurstState> run = hashtags(posts);
        Map<String, Incident> incidents = run.latest();
        assertThat(incidents).hasSize(1);
        Incident incident = incidents.values().iterator().next();
        assertThat(incident.signalCount()).isEqualTo(73);
        assertThat(incident.lastSeen()).isBefore(minutes(40));
        assertThat(run.states)
                .as("the baseline of a quiet hashtag decays and is forgotten")
                .isEmpty();
    }

    @Test
    void surgesOfACategoryCountRulesClassifierAndPartnerLabels() {
        List<Posts> posts = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            posts.add(post("calm-" + b).by("calm").at(minutes(b * 10 + 1)).rule("r-dehum", 3, "dehumanisation"));
        }
        for (int i = 0; i < 12; i++) {
            Posts p = post("wave-" + i).by("wave" + i).at(minutes(60 + i * 0.5));
            switch (i % 3) {
                case 0 -> p.rule("r-dehum", 3, "dehumanisation");
                case 1 -> p.classified("dehumanisation", 0.7);
                default -> p.labelled("dehumanisation", 40);
            }
            posts.add(p);
        }
        for (int i = 0; i < 30; i++) {
            posts.add(post("neutral-" + i).by("n" + i).at(minutes(60 + i * 0.2)).classified("neutral", 0.01));
        }
        Map<String, Incident> incidents = surges(posts).latest();
        assertThat(incidents).hasSize(1);
        Incident incident = incidents.values().iterator().next();
        assertThat(incident.kind()).isEqualTo(IncidentKind.SURGE);
        assertThat(incident.accountCount()).isEqualTo(12);
        assertThat(incident.categories()).containsExactly("dehumanisation");
        assertThat(incident.explanation()).contains("Surge of category dehumanisation", "r-dehum");
    }

    @Test
    void aSignalFromTheNextBucketDoesNotCloseTheCurrentOneBeforeTheWatermarkDoes() {
        List<Posts> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            posts.add(
                    post("early-" + i).by("early" + i).at(minutes(1 + i * 0.5)).hashtag("#rally"));
        }
        posts.add(post("next-bucket").by("someone").at(minutes(10.5)).hashtag("#rally"));
        for (int i = 0; i < 6; i++) { // out of order, within the 5-minute bound: bucket 10:00 is still open
            posts.add(post("behind-" + i)
                    .by("behind" + i)
                    .at(minutes(6 + i * 0.5))
                    .hashtag("#rally"));
        }
        Map<String, Incident> incidents = hashtags(posts).latest();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.values().iterator().next().accountCount()).isEqualTo(13);
    }

    @Test
    void aBurstThatFallsBackToATrickleCloses() {
        List<Posts> posts = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            posts.addAll(bucket("#calm", b * 10, 2, "r" + b + "-"));
        }
        posts.addAll(bucket("#calm", 60, 14, "burst"));
        for (int b = 7; b < 60; b++) {
            posts.addAll(bucket("#calm", b * 10, 3, "t" + b + "-"));
        }
        Map<String, Incident> incidents = hashtags(posts).latest();
        assertThat(incidents).hasSize(1);
        Incident incident = incidents.values().iterator().next();
        // the bucket after the burst (3 accounts) is judged when the watermark closes it: its first minutes have joined
        assertThat(incident.lastSeen()).isBefore(minutes(90));
    }

    @Test
    void signalsFromBeforeTheBurstCountForTheBaselineButDoNotJoinIt() {
        List<Posts> posts = new ArrayList<>(bucket("#late", 60, 12, "burst"));
        posts.addAll(bucket("#late", 50, 3, "earlier")); // a lagging partition: older, but not behind the watermark
        Map<String, Incident> incidents = hashtags(posts).latest();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.values().iterator().next().accountCount()).isEqualTo(12);
    }

    @Test
    void signalsFarAheadOfTheWatermarkWaitUntilTheBurstReachesTheirBucket() {
        // a watermark ten hours behind: one partition far ahead of another, as in a replay without watermark alignment
        DetectorRun<BurstState> run = new DetectorRun<>(BaselineBursts.hashtagPush(SETTINGS), Duration.ofHours(10));
        List<Posts> posts = new ArrayList<>(bucket("#skew", 60, 12, "burst"));
        posts.addAll(bucket("#skew", 200, 3, "ahead"));
        posts.addAll(bucket("#skew", 70, 2, "next"));
        posts.forEach(p -> run.feed(KEYS.hashtags(p.analysed())));
        Map<String, Incident> incidents = run.finish().latest();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.values().iterator().next().accountCount()).isEqualTo(14);
    }

    @Test
    void baselineArithmetic() {
        assertThat(Baseline.next(0, 10, 0.2)).isEqualTo(2.0);
        assertThat(Baseline.decay(2.0, 2, 0.5)).isEqualTo(0.5);
        assertThat(Baseline.threshold(0.0, 10, 5)).isEqualTo(10);
        assertThat(Baseline.threshold(3.1, 10, 5)).isEqualTo(16);
        double b = 1.0;
        long n = Baseline.bucketsUntilBelow(b, 0.05, 0.2);
        assertThat(Baseline.decay(b, n, 0.2)).isLessThan(0.05);
        assertThat(Baseline.decay(b, n - 2, 0.2)).isGreaterThanOrEqualTo(0.05);
    }
}

package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.minutes;
import static org.varsel.pipeline.correlate.Posts.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tlp;

class CoordinatedAccountsTest {
    static final CorrelationSettings SETTINGS = CorrelationSettings.defaults();
    static final CorrelationKeys KEYS = new CorrelationKeys(SETTINGS);
    static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);
    static final String CLAIM = "Ballots were counted twice in the north district, share before they delete it";

    static DetectorRun<CoordinationState> coSimilar(List<Posts> posts) {
        DetectorRun<CoordinationState> run =
                new DetectorRun<>(CoordinatedAccounts.coSimilarText(SETTINGS), OUT_OF_ORDERNESS);
        posts.forEach(p -> KEYS.coSimilarText(p.analysed()).ifPresent(run::feed));
        return run.finish();
    }

    static DetectorRun<CoordinationState> coLink(List<Posts> posts) {
        DetectorRun<CoordinationState> run = new DetectorRun<>(CoordinatedAccounts.coLink(SETTINGS), OUT_OF_ORDERNESS);
        posts.forEach(p -> run.feed(KEYS.coLink(p.analysed())));
        return run.finish();
    }

    static List<Posts> campaign(String text, int accounts, double everyMinutes, double startMinute) {
        List<Posts> posts = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            posts.add(post(text.hashCode() + "-" + i)
                    .by("acct" + i)
                    .at(minutes(startMinute + i * everyMinutes))
                    .text(text));
        }
        return posts;
    }

    @Test
    void flagsNearDuplicateTextFromFiveAccountsWithinAnHourAsOneIncident() {
        List<Posts> posts = new ArrayList<>(campaign(CLAIM, 4, 10, 0));
        posts.add(
                post("variant")
                        .by("acct-variant")
                        .at(minutes(45))
                        .text(
                                "RT @acct0: BALLOTS were counted twice in the north district!! share before they delete it https://t.co/x"));

        Map<String, Incident> incidents = coSimilar(posts).latest();

        assertThat(incidents).hasSize(1);
        Incident incident = incidents.values().iterator().next();
        assertThat(incident.kind()).isEqualTo(IncidentKind.CO_SIMILAR_TEXT);
        assertThat(incident.accountCount()).isEqualTo(5);
        assertThat(incident.signalCount()).isEqualTo(5);
        assertThat(incident.explanation()).contains("5 distinct accounts", "at least 5 accounts", "0.8", "PT1H");
        assertThat(incident.evidence().coordination())
                .containsEntry("observed_accounts", "5")
                .containsEntry("min_accounts", "5");
    }

    @Test
    void fourAccountsOrOneAccountPostingManyTimesIsNotACampaign() {
        List<Posts> posts = new ArrayList<>(campaign(CLAIM, 4, 5, 0));
        for (int i = 0; i < 20; i++) {
            posts.add(post("spam-" + i).by("acct0").at(minutes(30 + i)).text(CLAIM));
        }
        DetectorRun<CoordinationState> run = coSimilar(posts);
        assertThat(run.emitted).isEmpty();
        assertThat(run.states).as("state is cleared once the window has passed").isEmpty();
    }

    @Test
    void fiveAccountsSpreadOverMoreThanTheWindowAreNotACampaign() {
        assertThat(coSimilar(campaign(CLAIM, 5, 16, 0)).emitted).isEmpty();
    }

    @Test
    void shortTextsAreNotComparedAtAll() {
        assertThat(coSimilar(campaign("Thank you so much", 30, 1, 0)).emitted).isEmpty();
    }

    @Test
    void twoDifferentTextsAreTwoIncidentsAndUnrelatedTextsNone() {
        List<Posts> posts = new ArrayList<>(campaign(CLAIM, 6, 1, 0));
        posts.addAll(campaign("The mayor is hiding the real crime numbers from every family in this town", 7, 1, 2));
        for (int i = 0; i < 30; i++) {
            posts.add(post("noise-" + i)
                    .by("noise" + i)
                    .at(minutes(i))
                    .text("ordinary post number " + i + " about the weather and my lunch today"));
        }
        Map<String, Incident> incidents = coSimilar(posts).latest();
        assertThat(incidents.values()).extracting(Incident::accountCount).containsExactlyInAnyOrder(6, 7);
    }

    @Test
    void aLateSignalJoinsItsOpenIncident() {
        List<Posts> posts = new ArrayList<>(campaign(CLAIM, 5, 1, 0));
        posts.add(post("on-time").by("later").at(minutes(40)).text(CLAIM));
        // arrives after the 40-minute post, observed 25 minutes before it: behind the watermark, still joins
        posts.add(post("late").by("late-account").at(minutes(15)).text(CLAIM).tlp(Tlp.RED));

        Map<String, Incident> incidents = coSimilar(posts).latest();

        assertThat(incidents).hasSize(1);
        Incident incident = incidents.values().iterator().next();
        assertThat(incident.signalCount()).isEqualTo(7);
        assertThat(incident.accountCount()).isEqualTo(7);
        assertThat(incident.tlp()).isEqualTo(Tlp.RED);
    }

    @Test
    void outOfOrderArrivalGivesTheSameIncident() {
        List<Posts> posts = campaign(CLAIM, 12, 2, 0);
        List<Posts> shuffled = new ArrayList<>(posts);
        java.util.Collections.shuffle(
                shuffled, new Random(3)); // 24 minutes of posts, shuffled: some beyond the 5-minute bound
        Incident inOrder = coSimilar(posts).latest().values().iterator().next();
        Incident outOfOrder = coSimilar(shuffled).latest().values().iterator().next();
        assertThat(outOfOrder.signalCount()).isEqualTo(inOrder.signalCount()).isEqualTo(12);
        assertThat(outOfOrder.accountCount()).isEqualTo(12);
        assertThat(outOfOrder.firstSeen()).isEqualTo(inOrder.firstSeen());
    }

    @Test
    void aTenThousandPostCampaignEmitsAFewVersionsNotTenThousand() {
        List<Posts> posts = campaign(CLAIM, 10_000, 0.006, 0); // 60 minutes
        DetectorRun<CoordinationState> run = coSimilar(posts);
        Incident last = run.latest().values().iterator().next();
        assertThat(run.latest()).hasSize(1);
        assertThat(last.signalCount()).isEqualTo(10_000);
        assertThat(last.accountCount()).isEqualTo(10_000);
        assertThat(last.evidence().signals()).hasSize(IncidentDraft.MAX_EVIDENCE_SIGNALS);
        assertThat(last.evidence().accounts()).hasSize(IncidentDraft.MAX_SAMPLE_ACCOUNTS);
        // v1 at 5 accounts, doublings up to 10,000 (11), one per 5 minutes of event time (12), the last at closing
        assertThat(run.emitted.size()).isBetween(5, 30);
        assertThat(run.emitted).extracting(Incident::version).isSorted().doesNotHaveDuplicates();
        assertThat(run.states).isEmpty();
    }

    @Test
    void aCampaignThatReturnsAfterGoingQuietIsANewIncident() {
        List<Posts> posts = new ArrayList<>(campaign(CLAIM, 5, 1, 0));
        for (int i = 0; i < 5; i++) {
            posts.add(post("second-wave-" + i)
                    .by("second-wave-" + i)
                    .at(minutes(300 + i))
                    .text(CLAIM));
        }
        Map<String, Incident> incidents = coSimilar(posts).latest();
        assertThat(incidents).hasSize(2);
        assertThat(incidents.values())
                .allSatisfy(i -> assertThat(i.signalCount()).isEqualTo(5));
    }

    @Test
    void campaignRecallWithEditedCopies() {
        Random random = new Random(11);
        List<Posts> posts = new ArrayList<>();
        List<String> template = MinHashTest.randomWords(random, 30);
        for (int i = 0; i < 200; i++) {
            List<String> words = random.nextBoolean() ? template : MinHashTest.edit(random, template, 1);
            posts.add(post("edit-" + i).by("acct" + i).at(minutes(i * 0.2)).text(String.join(" ", words)));
        }
        Map<String, Incident> incidents = coSimilar(posts).latest();
        int largest = incidents.values().stream()
                .mapToInt(Incident::accountCount)
                .max()
                .orElse(0);
        System.out.printf(
                "campaign of 200 posts (half exact copies, half one word edited): largest incident %d accounts, %d incidents%n",
                largest, incidents.size());
        assertThat(largest).isGreaterThanOrEqualTo(160);
    }

    @Test
    void aWaitingClusterHoldsItsTextOnlyInTheWaitingListAndItsIncidentIsAboutItsFirstPost() {
        String first = CLAIM + " tonight";
        List<Posts> posts = new ArrayList<>();
        posts.add(post("first").by("acct0").at(minutes(0)).text(first));
        posts.add(post("second").by("acct1").at(minutes(30)).text(CLAIM));
        // the first post leaves the window before the fifth account arrives: accounts 1-5 open the incident
        for (int i = 2; i <= 5; i++) {
            posts.add(post("late-" + i).by("acct" + i).at(minutes(70 + i)).text(CLAIM));
        }
        DetectorRun<CoordinationState> run =
                new DetectorRun<>(CoordinatedAccounts.coSimilarText(SETTINGS), OUT_OF_ORDERNESS);
        KeyedSignal firstKeyed = KEYS.coSimilarText(posts.get(0).analysed()).orElseThrow();
        run.feed(firstKeyed);
        assertThat(run.states.get(firstKeyed.key()).head().clusters)
                .singleElement()
                .satisfies(cluster -> assertThat(cluster.subject).isNull());

        posts.subList(1, posts.size())
                .forEach(p -> KEYS.coSimilarText(p.analysed()).ifPresent(run::feed));
        Incident incident = run.finish().latest().values().iterator().next();

        assertThat(incident.accountCount()).isEqualTo(5);
        assertThat(incident.evidence().coordination()).containsEntry("shared_text", first);
    }

    @Test
    void aClusterWhoseWaitingSignalsAreCompactedKeepsItsFirstPostAsItsSubject() {
        String first = CLAIM + " tonight";
        List<Posts> posts = new ArrayList<>();
        posts.add(post("first").by("acct0").at(minutes(0)).text(first));
        // four accounts, 600 posts in 50 minutes: the waiting list is compacted to the newest 256 before a fifth comes
        for (int i = 1; i <= 600; i++) {
            posts.add(post("spam-" + i).by("acct" + i % 4).at(minutes(i / 12.0)).text(CLAIM));
        }
        posts.add(post("fifth").by("acct-fifth").at(minutes(51)).text(CLAIM));

        Incident incident = coSimilar(posts).latest().values().iterator().next();

        assertThat(incident.accountCount()).isEqualTo(5);
        assertThat(incident.evidence().coordination()).containsEntry("shared_text", first);
    }

    @Test
    void aHeadStoredWithItsSubjectByAnEarlierBuildKeepsThatSubject() {
        List<Posts> posts = campaign(CLAIM, 5, 1, 0);
        DetectorRun<CoordinationState> run =
                new DetectorRun<>(CoordinatedAccounts.coSimilarText(SETTINGS), OUT_OF_ORDERNESS);
        KeyedSignal firstKeyed = KEYS.coSimilarText(posts.get(0).analysed()).orElseThrow();
        run.feed(firstKeyed);
        // as restored from a checkpoint of the build whose heads kept the subject
        run.states.get(firstKeyed.key()).head().clusters.get(0).subject = "the subject an earlier build stored";

        posts.subList(1, posts.size())
                .forEach(p -> KEYS.coSimilarText(p.analysed()).ifPresent(run::feed));
        Incident incident = run.finish().latest().values().iterator().next();

        assertThat(incident.evidence().coordination())
                .containsEntry("shared_text", "the subject an earlier build stored");
    }

    @Test
    void flagsTheSameLinkSharedByFiveAccountsWithinAnHour() {
        List<Posts> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(post("link-" + i)
                    .by("acct" + i)
                    .at(minutes(i * 10))
                    .text("look at this " + i)
                    .url("https://news.example/story"));
        }
        for (int i = 0; i < 4; i++) {
            posts.add(post("other-" + i).by("acct" + i).at(minutes(i)).url("https://other.example/page"));
        }
        Map<String, Incident> incidents = coLink(posts).latest();
        assertThat(incidents).hasSize(1);
        Incident incident = incidents.values().iterator().next();
        assertThat(incident.kind()).isEqualTo(IncidentKind.CO_LINK);
        assertThat(incident.accountCount()).isEqualTo(5);
        assertThat(incident.urls()).contains("https://news.example/story");
        assertThat(incident.explanation()).contains("https://news.example/story", "at least 5 accounts");
    }
}

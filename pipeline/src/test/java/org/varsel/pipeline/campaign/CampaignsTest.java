package org.varsel.pipeline.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.minutes;
import static org.varsel.pipeline.correlate.Posts.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.varsel.contract.ContractSchemas;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Json;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.BaselineBursts;
import org.varsel.pipeline.correlate.CoordinatedAccounts;
import org.varsel.pipeline.correlate.CorrelationKeys;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.DetectorReplay;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.correlate.KeyedSignal;
import org.varsel.pipeline.correlate.Posts;
import org.varsel.pipeline.correlate.SingleSignals;

/**
 * Campaign consolidation on generated streams, with the real detectors in front of it: coordinated groups that share
 * accounts and content become one campaign, unrelated groups stay apart, a late finding joins its campaign.
 */
class CampaignsTest {
    static final CorrelationSettings DETECTORS = CorrelationSettings.defaults();
    static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);
    private static final String HOAX =
            "the water in springfield is poisoned by the plant share before they delete this";

    private int ids;

    @Test
    void twoCoordinatedGroupsWithOverlappingAccountsBecomeOneCampaign() {
        List<AnalysedSignal> stream = new ArrayList<>();
        // group A: 12 accounts post the hoax text with its link and hashtag within 20 minutes
        for (int i = 0; i < 12; i++) {
            stream.add(next("a" + i, 10 + i)
                    .text(HOAX + " #poisonedwater https://hoax.example/water")
                    .url("https://hoax.example/water")
                    .hashtag("poisonedwater")
                    .analysed());
        }
        for (int again = 0; again < 2; again++) {
            stream.add(next("a0", 23 + again)
                    .text(HOAX + " #poisonedwater https://hoax.example/water")
                    .url("https://hoax.example/water")
                    .hashtag("poisonedwater")
                    .analysed());
        }
        // group B: 8 of A's accounts and 2 more spread a second link with the same hashtag half an hour later
        for (int i = 4; i < 14; i++) {
            stream.add(next("a" + i, 45 + i)
                    .text("they are hiding it, see for yourself #poisonedwater")
                    .url("https://other.example/cover-up")
                    .hashtag("poisonedwater")
                    .analysed());
        }
        List<FindingUpdate> findings = detect(stream);
        CampaignReplay replay = consolidate(findings);

        assertThat(kinds(findings))
                .as("the detectors saw it as several findings")
                .contains(IncidentKind.CO_SIMILAR_TEXT, IncidentKind.CO_LINK, IncidentKind.HASHTAG_PUSH);
        List<Incident> queue = replay.queue();
        assertThat(queue).hasSize(1);
        Incident campaign = queue.get(0);
        assertThat(campaign.kind()).isEqualTo(IncidentKind.CAMPAIGN);
        assertThat(campaign.accountCount()).isEqualTo(14);
        assertThat(campaign.findings())
                .extracting(Incident.Finding::incidentId)
                .containsExactlyInAnyOrderElementsOf(
                        findings.stream().map(f -> f.incident().id()).distinct().toList());
        assertThat(campaign.findings())
                .filteredOn(f -> f.joinedBecause() != null)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.joinedBecause())
                        .contains("accounts")
                        .containsAnyOf("#poisonedwater", "https://", "near-identical"));
        assertThat(campaign.explanation())
                .contains("14 accounts")
                .contains("pushed #poisonedwater")
                .contains("shared 2 links");
        assertThat(campaign.hashtags()).first().isEqualTo("poisonedwater");
        // per account the most it posted in one finding: a0 posted the hoax three times, a4 once in each of five
        // findings
        assertThat(campaign.evidence().accountPosts())
                .hasSize(14)
                .containsEntry("a0", 3)
                .containsEntry("a4", 1);
        assertThat(campaign.evidence().accountPosts().keySet()).first().isEqualTo("a0");
        replay.latest().values().stream()
                .filter(i -> i.mergedInto() != null)
                .forEach(merged -> assertThat(merged.mergedInto()).isEqualTo(campaign.id()));
        replay.emitted.forEach(update -> assertThat(
                        ContractSchemas.INCIDENT_V1.violations(Json.mapper().valueToTree(update)))
                .isEmpty());
    }

    @Test
    void twoUnrelatedGroupsStayTwoEvenWithACommonHashtagOrCommonAccounts() {
        List<AnalysedSignal> stream = new ArrayList<>();
        // two groups of 8 accounts each, 40 minutes apart, both tagging #news (too few per bucket for a hashtag push)
        for (int i = 0; i < 8; i++) {
            stream.add(next("c" + i, 10 + i)
                    .text("read this report on the harbour #news")
                    .url("https://c.example/harbour")
                    .hashtag("news")
                    .analysed());
        }
        for (int i = 0; i < 8; i++) {
            stream.add(next("d" + i, 50 + i)
                    .text("the mayor lied again and again #news")
                    .url("https://d.example/mayor")
                    .hashtag("news")
                    .analysed());
        }
        // the same accounts as the first group, the same hour, another story with nothing in common
        for (int i = 0; i < 8; i++) {
            stream.add(next("c" + i, 30 + i)
                    .text("best pizza in town")
                    .url("https://e.example/pizza")
                    .analysed());
        }
        List<FindingUpdate> findings = detect(stream);
        CampaignReplay replay = consolidate(findings);

        assertThat(kinds(findings)).containsExactly(IncidentKind.CO_SIMILAR_TEXT, IncidentKind.CO_LINK);
        List<Incident> queue = replay.queue();
        assertThat(queue).hasSize(3);
        assertThat(queue)
                .filteredOn(i -> i.kind() == IncidentKind.CAMPAIGN)
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.findings())
                        .extracting(Incident.Finding::kind)
                        .containsExactlyInAnyOrder(IncidentKind.CO_SIMILAR_TEXT, IncidentKind.CO_LINK))
                .allSatisfy(c -> assertThat(c.accountCount()).isEqualTo(8));
        assertThat(queue)
                .filteredOn(i -> i.kind() == IncidentKind.CO_LINK)
                .singleElement()
                .satisfies(pizza -> assertThat(pizza.urls()).containsExactly("https://e.example/pizza"));
    }

    @Test
    void aGamePlayedByOverlappingSubsetsOfOnePoolIsOneCampaign() {
        // as the IRA's #IfIHadABodyDouble game: a push by part of a pool, then text clusters by other, overlapping
        // parts
        List<AnalysedSignal> stream = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            stream.add(next("p" + i, 10 + i / 2)
                    .text("my take number " + i + " on it #bodydouble")
                    .hashtag("bodydouble")
                    .analysed());
        }
        for (int i = 6; i < 16; i++) { // shares 6 of 10 accounts with the push
            stream.add(next("p" + i, 20 + 2 * (i - 6))
                    .text("if i had a body double she would do my taxes #bodydouble")
                    .hashtag("bodydouble")
                    .analysed());
        }
        for (int i = 10;
                i < 20;
                i++) { // 2 of 10 with the push, 6 of 10 with the first cluster (other text), 6 with both
            stream.add(next("p" + i, 45 + 2 * (i - 10))
                    .text("my body double would go to the gym for me every day #bodydouble")
                    .hashtag("bodydouble")
                    .analysed());
        }
        List<FindingUpdate> findings = detect(stream);
        CampaignReplay replay = consolidate(findings);

        assertThat(kinds(findings)).contains(IncidentKind.HASHTAG_PUSH, IncidentKind.CO_SIMILAR_TEXT);
        List<Incident> queue = replay.queue();
        assertThat(queue).singleElement().satisfies(campaign -> {
            assertThat(campaign.kind()).isEqualTo(IncidentKind.CAMPAIGN);
            assertThat(campaign.accountCount()).isEqualTo(20);
            assertThat(campaign.findings())
                    .filteredOn(
                            f -> f.joinedBecause() != null && f.joinedBecause().contains("the campaign's"))
                    .isNotEmpty();
        });
    }

    @Test
    void aLateFindingJoinsItsCampaign() {
        List<AnalysedSignal> stream = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            stream.add(next("a" + i, 10 + i)
                    .text(HOAX + " #poisonedwater")
                    .hashtag("poisonedwater")
                    .analysed());
        }
        // the stream moves on for an hour (other traffic), then a partner's backlog arrives: A's accounts shared a link
        // at
        // minutes 20-30, 40 minutes behind the stream
        for (int i = 0; i < 30; i++) {
            stream.add(next("x" + i, 25 + 2 * i).text("weather today " + i).analysed());
        }
        List<AnalysedSignal> late = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            late.add(next("a" + i, 40 + i)
                    .text("proof #poisonedwater https://late.example/proof")
                    .url("https://late.example/proof")
                    .hashtag("poisonedwater")
                    .analysed());
        }
        stream.addAll(late);
        List<FindingUpdate> findings = detect(stream);
        FindingUpdate lateLink = findings.stream()
                .filter(f -> f.incident().kind() == IncidentKind.CO_LINK)
                .findFirst()
                .orElseThrow();
        assertThat(lateLink.incident().lastSeen())
                .as("the link was shared 40 minutes behind the stream")
                .isBefore(stream.get(stream.size() - late.size() - 1).signal().observedAt());
        CampaignReplay replay = consolidate(findings);

        List<Incident> queue = replay.queue();
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).kind()).isEqualTo(IncidentKind.CAMPAIGN);
        assertThat(queue.get(0).findings())
                .extracting(Incident.Finding::incidentId)
                .contains(lateLink.incident().id());
    }

    @Test
    void aFindingThatWouldStretchACampaignPastItsSpanStaysApart() {
        CampaignSettings tight =
                new CampaignSettings(0.5, Duration.ofHours(1), Duration.ofMinutes(30), 3, Duration.ZERO);
        List<AnalysedSignal> stream = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            stream.add(next("a" + i, 10 + i)
                    .text(HOAX + " #poisonedwater")
                    .hashtag("poisonedwater")
                    .analysed());
            stream.add(next("a" + i, 50 + i)
                    .text("see https://hoax.example/water #poisonedwater")
                    .url("https://hoax.example/water")
                    .hashtag("poisonedwater")
                    .analysed());
        }
        CampaignReplay replay = new CampaignReplay(tight, OUT_OF_ORDERNESS);
        detect(stream).forEach(replay::feed);
        replay.finish();

        assertThat(replay.queue()).extracting(Incident::kind).doesNotContain(IncidentKind.CAMPAIGN);
        assertThat(replay.state.isEmpty())
                .as("every campaign is forgotten once it is over")
                .isTrue();
    }

    @Test
    void aHighSeveritySignalJoinsTheCampaignItsAccountIsInButNeverFoundsOne() {
        List<AnalysedSignal> stream = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            stream.add(next("a" + i, 10 + i)
                    .text(HOAX + " #poisonedwater")
                    .hashtag("poisonedwater")
                    .analysed());
        }
        stream.add(next("a3", 30)
                .text("burn the plant down #poisonedwater")
                .hashtag("poisonedwater")
                .rule("kill-1", 5, "threat")
                .analysed());
        stream.add(
                next("z9", 31).text("burn them all").rule("kill-1", 5, "threat").analysed());
        List<FindingUpdate> findings = detect(stream);
        CampaignReplay replay = consolidate(findings);

        Incident campaign = replay.queue().stream()
                .filter(i -> i.kind() == IncidentKind.CAMPAIGN)
                .findFirst()
                .orElseThrow();
        assertThat(campaign.findings()).extracting(Incident.Finding::kind).contains(IncidentKind.HIGH_SEVERITY);
        assertThat(campaign.tier().label()).isEqualTo("threat-to-life");
        assertThat(replay.queue())
                .as("the lone high-severity signal is not re-emitted here: it has its own path")
                .extracting(Incident::kind)
                .doesNotContain(IncidentKind.HIGH_SEVERITY);
    }

    @Test
    void everyFindingReachesTheQueueAloneOrInACampaignAndUnrelatedGroupsNeverMeet() {
        java.util.Random random = new java.util.Random(17);
        int findingsSeen = 0;
        int campaigns = 0;
        for (int trial = 0; trial < 20; trial++) {
            List<AnalysedSignal> stream = new ArrayList<>();
            // four stories, each by its own accounts (a prefix per story) with its own link, hashtag and text, at
            // random times
            for (int story = 0; story < 4; story++) {
                double start = random.nextInt(180);
                int accounts = 6 + random.nextInt(10);
                for (int i = 0; i < accounts; i++) {
                    String text = "story " + story + " trial " + trial + " the truth they hide from you every day";
                    stream.add(next("s" + story + "-" + i, start + random.nextInt(30))
                            .text(text)
                            .url("https://s" + story + ".example/" + trial)
                            .hashtag("story" + story + "x" + trial)
                            .analysed());
                }
            }
            stream.sort(java.util.Comparator.comparing(a -> a.signal().observedAt()));
            List<FindingUpdate> findings = detect(stream);
            CampaignReplay replay = consolidate(findings);
            List<String> accountedFor = new ArrayList<>();
            for (Incident item : replay.queue()) {
                accountedFor.add(item.id());
                if (item.findings() != null) {
                    item.findings().forEach(f -> accountedFor.add(f.incidentId()));
                    campaigns++;
                    assertThat(item.findings())
                            .extracting(Incident.Finding::accounts)
                            .as("a campaign holds one story's accounts only")
                            .allSatisfy(accounts -> assertThat(accounts)
                                    .allMatch(a -> a.startsWith(item.findings()
                                                    .get(0)
                                                    .accounts()
                                                    .get(0)
                                                    .split("-")[0] + "-")));
                }
            }
            List<String> found =
                    findings.stream().map(f -> f.incident().id()).distinct().toList();
            findingsSeen += found.size();
            assertThat(accountedFor).containsAll(found);
            assertThat(replay.queue()).hasSizeLessThanOrEqualTo(4);
        }
        assertThat(campaigns).as("the stories do become campaigns").isGreaterThan(20);
        System.out.printf(
                "consolidation over 20 random streams of 4 unrelated stories: %d findings → %d campaigns, none lost, none mixed%n",
                findingsSeen, campaigns);
    }

    private Posts next(String account, double minute) {
        return post(ids++).by(account).at(minutes(minute));
    }

    /** The four keyed detectors and the high-severity one over the stream, their findings in the order they came out. */
    static List<FindingUpdate> detect(List<AnalysedSignal> stream) {
        CorrelationKeys keys = new CorrelationKeys(DETECTORS);
        SingleSignals single = SingleSignals.from(DETECTORS);
        List<FindingUpdate> findings = new ArrayList<>();
        List<Run> runs = List.of(
                new Run(
                        new DetectorReplay<>(
                                CoordinatedAccounts.coSimilarText(DETECTORS), OUT_OF_ORDERNESS, findings::add),
                        s -> keys.coSimilarText(s).stream().toList()),
                new Run(
                        new DetectorReplay<>(CoordinatedAccounts.coLink(DETECTORS), OUT_OF_ORDERNESS, findings::add),
                        keys::coLink),
                new Run(
                        new DetectorReplay<>(BaselineBursts.hashtagPush(DETECTORS), OUT_OF_ORDERNESS, findings::add),
                        keys::hashtags),
                new Run(
                        new DetectorReplay<>(BaselineBursts.surge(DETECTORS), OUT_OF_ORDERNESS, findings::add),
                        keys::surge));
        for (AnalysedSignal signal : stream) {
            single.highSeverity(signal).map(FindingUpdate::ofSingleSignal).ifPresent(findings::add);
            runs.forEach(run -> run.keys().apply(signal).forEach(run.replay()::feed));
        }
        runs.forEach(run -> run.replay().finish());
        return findings;
    }

    @Test
    void aMergeKeepsGoingWhenAFindingOfTheMergedCampaignHasExpiredFromState() {
        // State TTL may drop a finding's entry while its campaign still lists it (a part older than its head): a merge
        // must skip it, not throw (a throw in the operator restarts the job from a checkpoint that holds the same
        // state)
        CampaignReplay replay = new CampaignReplay(EVERY_CHANGE, OUT_OF_ORDERNESS);
        java.util.Set<String> expired = new java.util.HashSet<>();
        for (FindingUpdate finding : CampaignStreams.findings(CampaignStreams.meeting())) {
            replay.feed(finding);
            for (String id : replay.state.campaignIds()) {
                if (replay.state.campaign(id).findings.size() > 1 && replay.state.member(id) != null) {
                    replay.state.removeMember(id); // the founder's entry expired; its campaign still lists it
                    expired.add(id);
                }
            }
        }
        replay.finish();

        assertThat(expired)
                .as("the stream made campaigns of more than one finding")
                .isNotEmpty();
        assertThat(replay.latest().values())
                .as("a campaign was merged into another")
                .anySatisfy(incident -> assertThat(incident.mergedInto()).isNotNull());
        assertThat(replay.queue()).extracting(Incident::kind).contains(IncidentKind.CAMPAIGN);
    }

    /** Every change of every campaign emitted (an emit interval of zero), as consolidation's tests compare them. */
    static final CampaignSettings EVERY_CHANGE = CampaignSettings.defaults().withEmitInterval(Duration.ZERO);

    static CampaignReplay consolidate(List<FindingUpdate> findings) {
        return consolidate(findings, EVERY_CHANGE);
    }

    static CampaignReplay consolidate(List<FindingUpdate> findings, CampaignSettings settings) {
        CampaignReplay replay = new CampaignReplay(settings, OUT_OF_ORDERNESS);
        findings.forEach(replay::feed);
        replay.finish();
        return replay;
    }

    private static List<IncidentKind> kinds(List<FindingUpdate> findings) {
        return findings.stream()
                .map(f -> f.incident().kind())
                .distinct()
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private record Run(DetectorReplay<?> replay, Function<AnalysedSignal, List<KeyedSignal>> keys) {}
}

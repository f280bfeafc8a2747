package org.varsel.pipeline.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentBuilder;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;

/**
 * News at once, churn coalesced: a campaign's first version, an escalation and a merged campaign's last version reach
 * the queue at once; other changes at most once per emit interval of event time, the newest built when the interval
 * closes; and the last version of every incident is the one emitting every change gives.
 */
class CampaignCoalescingTest {
    private static final long MINUTE = 60_000;
    /**
     * The random streams' posts fall on whole minutes, so a campaign changes at most once a minute there: five minutes
     * leaves churn to coalesce.
     */
    static final CampaignSettings FIVE_MINUTES = CampaignSettings.defaults().withEmitInterval(Duration.ofMinutes(5));

    private final List<CampaignMember> findings = coLinkFindings();
    private final String campaign = findings.get(0).incident.id();
    private final Stage stage = new Stage(CampaignSettings.defaults());

    @Test
    void aCampaignsFirstVersionGoesOutAtOnceAndItsChurnOncePerIntervalBuiltWhenTheIntervalCloses() {
        long t = 1_000_000;
        assertThat(stage.change(1, t, findings))
                .hasValueSatisfying(i -> assertThat(i.version()).isEqualTo(1));
        assertThat(stage.change(2, t + 10_000, List.of(findings.get(1)))).isEmpty();
        assertThat(stage.change(3, t + 20_000, List.of(findings.get(0)))).isEmpty();
        assertThat(stage.wakes).as("one timer for the held versions").containsExactly(t + MINUTE);

        assertThat(stage.timer(t + MINUTE - 1)).isEmpty();
        assertThat(stage.timer(t + MINUTE)).contains(CampaignIncident.of(campaign, findings, 3));
        assertThat(stage.timer(t + MINUTE)).as("emitted once").isEmpty();

        assertThat(stage.change(4, t + MINUTE + 30_000, findings)).isEmpty();
        assertThat(stage.change(5, t + 3 * MINUTE, findings))
                .as("a change an interval after the last version goes out at once")
                .hasValueSatisfying(i -> assertThat(i.version()).isEqualTo(5));
    }

    @Test
    void aRiseInTierOrSeverityAStricterTlpOrASecondFindingGoesOutAtOnce() {
        long t = 1_000_000;
        CampaignMember founder = findings.get(0);
        assertThat(stage.change(1, t, List.of(founder))).isPresent();
        assertThat(stage.change(2, t + 1_000, findings))
                .as("it becomes a campaign")
                .isPresent();
        assertThat(stage.change(3, t + 2_000, List.of(with(founder, b -> b.tier(Tier.THREAT_TO_LIFE)))))
                .as("its tier rose")
                .isPresent();
        CampaignMember graver = with(founder, b -> b.tier(Tier.THREAT_TO_LIFE).severity(100));
        assertThat(stage.change(4, t + 3_000, List.of(graver)))
                .as("its severity rose by 10 or more")
                .isPresent();
        assertThat(stage.change(5, t + 4_000, List.of(with(graver, b -> b.tlp(Tlp.RED)))))
                .as("its TLP became stricter")
                .isPresent();
        assertThat(stage.change(6, t + 5_000, List.of(with(graver, b -> b.tlp(Tlp.CLEAR)))))
                .as("a looser TLP is churn")
                .isEmpty();
    }

    @Test
    void aHeldVersionGoesOutAtOnceWhenTheCampaignIsOverOrMerged() {
        long t = 1_000_000;
        stage.change(1, t, findings);
        stage.change(2, t + 1_000, findings);
        assertThat(stage.apply(CampaignChange.over(campaign), t + 2_000))
                .as("the end of input makes every campaign over before any timer fires")
                .contains(CampaignIncident.of(campaign, findings, 2));
        assertThat(stage.timer(t + MINUTE)).isEmpty();

        stage.change(1, t, findings);
        stage.change(2, t + 1_000, findings);
        assertThat(stage.apply(new CampaignChange(campaign, 2, List.of(), false, "inc-survivor", false), t + 2_000))
                .as("a merged campaign retires at once")
                .contains(CampaignIncident.of(campaign, findings, 2).mergedInto(3, "inc-survivor"));
        assertThat(stage.timer(t + MINUTE)).isEmpty();
    }

    @Test
    void anIntervalOfZeroEmitsEveryChange() {
        Stage everyChange = new Stage(CampaignsTest.EVERY_CHANGE);
        for (int version = 1; version <= 5; version++) {
            assertThat(everyChange.change(version, 1_000_000 - version, findings))
                    .isPresent();
        }
        assertThat(everyChange.wakes).isEmpty();
    }

    /**
     * Over random streams with merges: the queue's last version of every incident equals the one every change gives;
     * fewer versions; first versions and merged campaigns' last ones at the same event time; what is not news at most
     * once per interval. Fails when a held version is dropped, or when news waits.
     */
    @Test
    void coalescedVersionsEndAsEveryChangeDoesOverRandomStreamsWithMerges() {
        int everyChange = 0;
        int coalesced = 0;
        for (int seed = 0; seed < 10; seed++) {
            var found = CampaignsTest.detect(CampaignContentSummaryTest.stream(new Random(seed)));
            CampaignReplay all = CampaignsTest.consolidate(found);
            CampaignReplay fewer = CampaignsTest.consolidate(found, FIVE_MINUTES);

            assertThat(fewer.latest()).as("seed %d", seed).isEqualTo(all.latest());
            assertThat(news(fewer)).as("seed %d", seed).isEqualTo(news(all));
            Map<String, Incident> previous = new HashMap<>();
            Map<String, Long> previousAt = new HashMap<>();
            for (int i = 0; i < fewer.emitted.size(); i++) {
                Incident incident = fewer.emitted.get(i);
                long at = fewer.emittedAt.get(i);
                Incident before = previous.put(incident.id(), incident);
                Long beforeAt = previousAt.put(incident.id(), at);
                if (before != null
                        && incident.mergedInto() == null
                        && !standing(incident).escalates(standing(before))) {
                    assertThat(at - beforeAt)
                            .as("seed %d, %s version %d", seed, incident.id(), incident.version())
                            .isGreaterThanOrEqualTo(5 * MINUTE);
                }
            }
            everyChange += all.emitted.size();
            coalesced += fewer.emitted.size();
        }
        assertThat(coalesced)
                .as("versions against every change's %d", everyChange)
                .isLessThan(everyChange * 6 / 10);
    }

    /** When each incident's first version and each merged campaign's last version reached the queue. */
    private static Map<String, Long> news(CampaignReplay replay) {
        Map<String, Long> news = new TreeMap<>();
        for (int i = 0; i < replay.emitted.size(); i++) {
            Incident incident = replay.emitted.get(i);
            news.putIfAbsent(incident.id(), replay.emittedAt.get(i));
            if (incident.mergedInto() != null) {
                news.put(incident.id() + " merged", replay.emittedAt.get(i));
            }
        }
        return news;
    }

    private static CampaignStanding standing(Incident incident) {
        return new CampaignStanding(
                incident.tier(), incident.severity(), incident.tlp(), incident.kind() == IncidentKind.CAMPAIGN);
    }

    private static CampaignMember with(CampaignMember finding, UnaryOperator<IncidentBuilder> change) {
        CampaignMember changed = new CampaignMember();
        changed.campaignId = finding.campaignId;
        changed.incident = change.apply(finding.incident.toBuilder()).build();
        changed.accounts = finding.accounts;
        changed.signals = finding.signals;
        changed.content = finding.content;
        changed.defining = finding.defining;
        return changed;
    }

    /** Two co-link findings of low tier and open TLP, as the detectors make them. */
    private static List<CampaignMember> coLinkFindings() {
        Map<String, CampaignMember> byId = new LinkedHashMap<>();
        CampaignsTest.detect(CampaignContentSummaryTest.stream(new Random(1))).stream()
                .filter(f -> f.incident().kind() == IncidentKind.CO_LINK)
                .forEach(f -> byId.putIfAbsent(f.incident().id(), CampaignMember.of(f, 3)));
        List<CampaignMember> two = new ArrayList<>(byId.values()).subList(0, 2);
        two.forEach(m -> m.incident = m.incident.toBuilder()
                .tier(Tier.LOW)
                .severity(30)
                .tlp(Tlp.GREEN)
                .build());
        return two;
    }

    /** One campaign's emission stage in memory, with the timers it asked for. */
    private final class Stage {
        final CampaignIncidents incidents;
        final Map<String, CampaignMember> held = new TreeMap<>();
        final Map<String, CampaignEmission> emissions = new HashMap<>();
        final List<Long> wakes = new ArrayList<>();

        Stage(CampaignSettings settings) {
            incidents = new CampaignIncidents(settings);
        }

        Optional<Incident> change(long version, long at, List<CampaignMember> changed) {
            return apply(new CampaignChange(campaign, version, changed, version == 1, null, false), at);
        }

        Optional<Incident> apply(CampaignChange change, long at) {
            return incidents.apply(change, at, findings(), wakes::add);
        }

        Optional<Incident> timer(long time) {
            return incidents.onTimer(campaign, time, findings());
        }

        private CampaignReplay.MemoryFindings findings() {
            return new CampaignReplay.MemoryFindings(campaign, held, emissions);
        }
    }
}

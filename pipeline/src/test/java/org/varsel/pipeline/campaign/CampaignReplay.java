package org.varsel.pipeline.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.varsel.contract.Incident;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * Runs {@link Campaigns} in memory the way {@code CampaignFunction} runs it: a finding arrives with the watermark as it
 * was, then the watermark moves to its time less the out-of-orderness and due timers fire; {@link #finish} is the end of
 * input. Its changes go through {@link CampaignIncidents} as {@code CampaignIncidentFunction} runs it, per campaign,
 * each at the time of the timer that sent it; the emission stage's own timers fire once consolidation's for the same
 * watermark have (the watermark reaches the second stage after what the first sent).
 */
final class CampaignReplay {
    final MemoryCampaignState state;
    /** The incidents the emission stage built from the changes. */
    final List<Incident> emitted = new ArrayList<>();
    /** The event time of each of {@link #emitted}. */
    final List<Long> emittedAt = new ArrayList<>();
    /**
     * At every change, the incident built from every finding in consolidation's state at that moment: {@link #emitted}
     * with an emit interval of zero.
     */
    final List<Incident> builtWhole = new ArrayList<>();
    /** Findings the changes carried, and findings the campaigns held at those emissions. */
    int findingsSent;

    int findingsHeld;
    private final Map<String, Map<String, CampaignMember>> emissionState = new HashMap<>();
    private final Map<String, CampaignEmission> emissions = new HashMap<>();
    private final Campaigns campaigns;
    private final CampaignIncidents incidents;
    private final long outOfOrderness;
    private final TreeSet<Long> timers = new TreeSet<>();
    private final TreeSet<Wake> emissionTimers = new TreeSet<>();
    private long now;
    private long maxSeen = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;

    CampaignReplay(CampaignSettings settings, Duration outOfOrderness) {
        this(settings, outOfOrderness, new MemoryCampaignState());
    }

    CampaignReplay(CampaignSettings settings, Duration outOfOrderness, MemoryCampaignState state) {
        this.state = state;
        this.campaigns = new Campaigns(settings);
        this.incidents = new CampaignIncidents(settings);
        this.outOfOrderness = outOfOrderness.toMillis();
    }

    void feed(FindingUpdate update) {
        campaigns.onFinding(state, update, watermark, output());
        maxSeen = Math.max(maxSeen, update.incident().updatedAt().toEpochMilli());
        advance(maxSeen - outOfOrderness - 1);
    }

    void finish() {
        advance(Long.MAX_VALUE);
    }

    /** The latest version of every incident id emitted. */
    Map<String, Incident> latest() {
        Map<String, Incident> latest = new LinkedHashMap<>();
        emitted.forEach(i -> latest.merge(i.id(), i, (a, b) -> b.version() > a.version() ? b : a));
        return latest;
    }

    /** What the analyst's queue shows: the latest version of every id not merged into another. */
    List<Incident> queue() {
        return latest().values().stream().filter(i -> i.mergedInto() == null).toList();
    }

    private void advance(long to) {
        if (to <= watermark) {
            return;
        }
        watermark = to;
        while (!timers.isEmpty() && timers.first() <= watermark) {
            now = timers.pollFirst();
            campaigns.onTimer(state, now, output());
        }
        while (!emissionTimers.isEmpty() && emissionTimers.first().at() <= watermark) {
            Wake wake = emissionTimers.pollFirst();
            incidents
                    .onTimer(wake.campaignId(), wake.at(), findingsOf(wake.campaignId()))
                    .ifPresent(incident -> received(incident, wake.at()));
        }
    }

    private void received(Incident incident, long at) {
        emitted.add(incident);
        emittedAt.add(at);
    }

    MemoryFindings findingsOf(String campaignId) {
        return new MemoryFindings(
                campaignId, emissionState.computeIfAbsent(campaignId, id -> new TreeMap<>()), emissions);
    }

    private record Wake(long at, String campaignId) implements Comparable<Wake> {
        @Override
        public int compareTo(Wake other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : campaignId.compareTo(other.campaignId);
        }
    }

    record MemoryFindings(
            String campaignId, Map<String, CampaignMember> findings, Map<String, CampaignEmission> emissions)
            implements CampaignFindings {
        @Override
        public List<CampaignMember> all() {
            return new ArrayList<>(findings.values());
        }

        @Override
        public void put(CampaignMember finding) {
            // a copy, as the network hands the stage one: consolidation changes its findings in place
            CampaignMember copy = new CampaignMember();
            copy.campaignId = finding.campaignId;
            copy.incident = finding.incident;
            copy.accounts = finding.accounts;
            copy.signals = finding.signals;
            copy.content = finding.content;
            copy.defining = finding.defining;
            copy.joinedBecause = finding.joinedBecause;
            findings.put(finding.incident.id(), copy);
        }

        @Override
        public void clear() {
            findings.clear();
        }

        @Override
        public CampaignEmission emission() {
            return emissions.get(campaignId);
        }

        @Override
        public void emission(CampaignEmission emission) {
            if (emission == null) {
                emissions.remove(campaignId);
            } else {
                emissions.put(campaignId, emission);
            }
        }
    }

    private CampaignOutput output() {
        return new CampaignOutput() {
            @Override
            public void emit(CampaignChange change) {
                incidents
                        .apply(
                                change,
                                now,
                                findingsOf(change.campaignId()),
                                due -> emissionTimers.add(new Wake(due, change.campaignId())))
                        .ifPresent(incident -> received(incident, now));
                if (!change.over()) {
                    Campaign campaign = state.campaign(change.campaignId());
                    List<CampaignMember> all = campaign.findings.stream()
                            .map(state::member)
                            .filter(java.util.Objects::nonNull) // expired from state
                            .toList();
                    Incident whole = CampaignIncident.of(campaign.id, all, change.version());
                    builtWhole.add(
                            change.mergedInto() == null
                                    ? whole
                                    : whole.mergedInto(change.version() + 1, change.mergedInto()));
                    findingsSent += change.findings().size();
                    findingsHeld += all.size();
                }
            }

            @Override
            public void wakeAt(long eventTime) {
                timers.add(eventTime);
            }
        };
    }
}

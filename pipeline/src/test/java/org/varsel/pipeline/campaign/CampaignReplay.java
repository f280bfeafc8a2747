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
 * input. Its changes go through {@link CampaignIncidents} as {@code CampaignIncidentFunction} runs it, per campaign.
 */
final class CampaignReplay {
    final MemoryCampaignState state;
    /** The incidents the emission stage built from the changes. */
    final List<Incident> emitted = new ArrayList<>();
    /** At every emission, the incident built from every finding in consolidation's state at that moment. */
    final List<Incident> builtWhole = new ArrayList<>();
    /** Findings the changes carried, and findings the campaigns held at those emissions. */
    int findingsSent;

    int findingsHeld;
    private final Map<String, Map<String, CampaignMember>> emissionState = new HashMap<>();
    private final Campaigns campaigns;
    private final long outOfOrderness;
    private final TreeSet<Long> timers = new TreeSet<>();
    private long maxSeen = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;

    CampaignReplay(CampaignSettings settings, Duration outOfOrderness) {
        this(settings, outOfOrderness, new MemoryCampaignState());
    }

    CampaignReplay(CampaignSettings settings, Duration outOfOrderness, MemoryCampaignState state) {
        this.state = state;
        this.campaigns = new Campaigns(settings);
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
            campaigns.onTimer(state, timers.pollFirst(), output());
        }
    }

    private record MemoryFindings(Map<String, CampaignMember> findings) implements CampaignFindings {
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
    }

    private CampaignOutput output() {
        return new CampaignOutput() {
            @Override
            public void emit(CampaignChange change) {
                Map<String, CampaignMember> findings =
                        emissionState.computeIfAbsent(change.campaignId(), id -> new TreeMap<>());
                CampaignIncidents.apply(change, new MemoryFindings(findings)).ifPresent(emitted::add);
                if (!change.over()) {
                    Campaign campaign = state.campaign(change.campaignId());
                    List<CampaignMember> all =
                            campaign.findings.stream().map(state::member).toList();
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

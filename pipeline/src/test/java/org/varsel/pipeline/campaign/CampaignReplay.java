package org.varsel.pipeline.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.varsel.contract.Incident;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * Runs {@link Campaigns} in memory the way {@code CampaignFunction} runs it: a finding arrives with the watermark as it
 * was, then the watermark moves to its time less the out-of-orderness and due timers fire; {@link #finish} is the end of
 * input.
 */
final class CampaignReplay {
    final MemoryCampaignState state;
    final List<Incident> emitted = new ArrayList<>();
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

    private CampaignOutput output() {
        return new CampaignOutput() {
            @Override
            public void emit(Incident incident) {
                emitted.add(incident);
            }

            @Override
            public void wakeAt(long eventTime) {
                timers.add(eventTime);
            }
        };
    }
}

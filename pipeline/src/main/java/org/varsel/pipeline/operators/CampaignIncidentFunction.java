package org.varsel.pipeline.operators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.varsel.contract.Incident;
import org.varsel.pipeline.campaign.CampaignChange;
import org.varsel.pipeline.campaign.CampaignEmission;
import org.varsel.pipeline.campaign.CampaignFindings;
import org.varsel.pipeline.campaign.CampaignIncidents;
import org.varsel.pipeline.campaign.CampaignMember;

/**
 * Runs {@link CampaignIncidents} keyed by campaign id: each campaign's findings in a map state (as {@link
 * CampaignFunction} last sent them) and what the queue last received of it in a value state; its incident built when
 * the queue is to hear of the change (at once when it is news, else once per emit interval, by an event-time timer).
 * Parallel, unlike consolidation's one key.
 *
 * <p>A build reads every finding of the campaign: on RocksDB that deserialised whole incidents at every change (the
 * campaign bench: several times the heap backend's CPU). The findings of the campaigns last changed are therefore kept
 * deserialised in a bounded write-through cache, as {@link CampaignFunction} keeps its own: this operator is the only
 * writer, so the cache never holds what a checkpoint lacks; after a restore it starts empty; it is emptied every
 * {@link CampaignFunction#CACHE_LIFETIME} so that an entry the TTL expired is not served for longer than that.
 */
public final class CampaignIncidentFunction extends KeyedProcessFunction<String, CampaignChange, Incident> {
    private final CampaignIncidents incidents;
    private final Duration stateTtl;
    private final Duration heldAtMost;
    /** Campaigns whose findings are kept deserialised (a campaign holds at most 1,000, typically tens). */
    static final int CACHED_CAMPAIGNS = 256;

    private transient MapState<String, CampaignMember> findings;
    private transient ValueState<CampaignEmission> emission;
    private transient RecentEntries<Map<String, CampaignMember>> cached;

    /** A held version waits for event time only (replays: deterministic versions). */
    public CampaignIncidentFunction(CampaignIncidents incidents, Duration stateTtl) {
        this(incidents, stateTtl, Duration.ZERO);
    }

    /**
     * A held version waits for event time, but never longer than {@code heldAtMost} of processing time (live: a quiet
     * spell moves no watermark); zero waits for event time only.
     */
    public CampaignIncidentFunction(CampaignIncidents incidents, Duration stateTtl, Duration heldAtMost) {
        this.incidents = incidents;
        this.stateTtl = stateTtl;
        this.heldAtMost = heldAtMost;
    }

    @Override
    public void open(OpenContext openContext) {
        findings = getRuntimeContext()
                .getMapState(KeyedAccess.expiringWithoutCleanupOnAccess(
                        new MapStateDescriptor<>(
                                "campaign-findings", Types.STRING, TypeInformation.of(CampaignMember.class)),
                        stateTtl));
        // a new state in an existing operator: restored from a checkpoint taken before it, a campaign's next change is
        // emitted at once, as a first version is
        emission = getRuntimeContext()
                .getState(KeyedAccess.expiringWithoutCleanupOnAccess(
                        new ValueStateDescriptor<>("campaign-emission", TypeInformation.of(CampaignEmission.class)),
                        stateTtl));
        cached = new RecentEntries<>(
                CACHED_CAMPAIGNS, CampaignFunction.CACHE_LIFETIME, KeyedAccess.readsFreshCopies(getRuntimeContext()));
    }

    @Override
    public void processElement(CampaignChange change, Context context, Collector<Incident> out) {
        TimerService timers = context.timerService();
        // a change released by consolidation's hold (a quiet spell) carries no timestamp: event time is the watermark's
        long at = context.timestamp() == null ? timers.currentWatermark() : context.timestamp();
        incidents
                .apply(change, at, findingsOf(change.campaignId(), timers), due -> {
                    timers.registerEventTimeTimer(due);
                    if (!heldAtMost.isZero()) {
                        timers.registerProcessingTimeTimer(timers.currentProcessingTime() + heldAtMost.toMillis());
                    }
                })
                .ifPresent(out::collect);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Incident> out) {
        TimerService timers = context.timerService();
        String campaignId = context.getCurrentKey();
        CampaignFindings held = findingsOf(campaignId, timers);
        (context.timeDomain() == TimeDomain.PROCESSING_TIME
                        ? incidents.flush(campaignId, timers.currentWatermark(), held)
                        : incidents.onTimer(campaignId, timestamp, held))
                .ifPresent(out::collect);
    }

    private CampaignFindings findingsOf(String campaignId, TimerService timers) {
        cached.forgetWhenDue(timers.currentProcessingTime());
        return new FlinkCampaignFindings(campaignId, findings, emission, cached);
    }

    private record FlinkCampaignFindings(
            String campaignId,
            MapState<String, CampaignMember> findings,
            ValueState<CampaignEmission> emitted,
            Map<String, Map<String, CampaignMember>> cached)
            implements CampaignFindings {
        @Override
        public List<CampaignMember> all() {
            return new ArrayList<>(held().values());
        }

        @Override
        public void put(CampaignMember finding) {
            KeyedAccess.run(() -> findings.put(finding.incident.id(), finding));
            held().put(finding.incident.id(), finding);
        }

        @Override
        public void clear() {
            findings.clear();
            cached.put(campaignId, new HashMap<>());
        }

        @Override
        public CampaignEmission emission() {
            return KeyedAccess.call(emitted::value);
        }

        @Override
        public void emission(CampaignEmission value) {
            KeyedAccess.run(() -> {
                if (value == null) {
                    emitted.clear();
                } else {
                    emitted.update(value);
                }
            });
        }

        private Map<String, CampaignMember> held() {
            return cached.computeIfAbsent(
                    campaignId,
                    id -> KeyedAccess.call(() -> {
                        Map<String, CampaignMember> all = new HashMap<>();
                        findings.entries().forEach(e -> all.put(e.getKey(), e.getValue()));
                        return all;
                    }));
        }
    }
}

package org.varsel.pipeline.operators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.varsel.contract.Incident;
import org.varsel.pipeline.campaign.CampaignChange;
import org.varsel.pipeline.campaign.CampaignFindings;
import org.varsel.pipeline.campaign.CampaignIncidents;
import org.varsel.pipeline.campaign.CampaignMember;

/**
 * Runs {@link CampaignIncidents} keyed by campaign id: each campaign's findings in a map state (as {@link
 * CampaignFunction} last sent them), its incident built at every change. Parallel, unlike consolidation's one key.
 *
 * <p>A build reads every finding of the campaign: on RocksDB that deserialised whole incidents at every change (the
 * campaign bench: several times the heap backend's CPU). The findings of the campaigns last changed are therefore kept
 * deserialised in a bounded write-through cache, as {@link CampaignFunction} keeps its own: this operator is the only
 * writer, so the cache never holds what a checkpoint lacks; after a restore it starts empty; it is emptied every
 * {@link CampaignFunction#CACHE_LIFETIME} so that an entry the TTL expired is not served for longer than that.
 */
public final class CampaignIncidentFunction extends KeyedProcessFunction<String, CampaignChange, Incident> {
    private final Duration stateTtl;
    /** Campaigns whose findings are kept deserialised (a campaign holds at most 1,000, typically tens). */
    static final int CACHED_CAMPAIGNS = 256;

    private transient MapState<String, CampaignMember> findings;
    private transient Map<String, Map<String, CampaignMember>> cached;
    private transient long cachedSince;

    public CampaignIncidentFunction(Duration stateTtl) {
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        findings = getRuntimeContext()
                .getMapState(KeyedAccess.expiringWithoutCleanupOnAccess(
                        new MapStateDescriptor<>(
                                "campaign-findings", Types.STRING, TypeInformation.of(CampaignMember.class)),
                        stateTtl));
        cached = new RecentEntries<>(CACHED_CAMPAIGNS);
        cachedSince = Long.MIN_VALUE;
    }

    @Override
    public void processElement(CampaignChange change, Context context, Collector<Incident> out) {
        long now = context.timerService().currentProcessingTime();
        if (cachedSince == Long.MIN_VALUE || now - cachedSince >= CampaignFunction.CACHE_LIFETIME.toMillis()) {
            cached.clear();
            cachedSince = now;
        }
        CampaignIncidents.apply(change, new FlinkCampaignFindings(change.campaignId(), findings, cached))
                .ifPresent(out::collect);
    }

    private record FlinkCampaignFindings(
            String campaignId,
            MapState<String, CampaignMember> findings,
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

package org.varsel.pipeline.operators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 */
public final class CampaignIncidentFunction extends KeyedProcessFunction<String, CampaignChange, Incident> {
    private final Duration stateTtl;
    private transient MapState<String, CampaignMember> findings;

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
    }

    @Override
    public void processElement(CampaignChange change, Context context, Collector<Incident> out) {
        CampaignIncidents.apply(change, new FlinkCampaignFindings(findings)).ifPresent(out::collect);
    }

    private record FlinkCampaignFindings(MapState<String, CampaignMember> findings) implements CampaignFindings {
        @Override
        public List<CampaignMember> all() {
            return KeyedAccess.call(() -> {
                List<CampaignMember> all = new ArrayList<>();
                findings.values().forEach(all::add);
                return all;
            });
        }

        @Override
        public void put(CampaignMember finding) {
            KeyedAccess.run(() -> findings.put(finding.incident.id(), finding));
        }

        @Override
        public void clear() {
            findings.clear();
        }
    }
}

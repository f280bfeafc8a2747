package org.varsel.pipeline.operators;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.varsel.pipeline.campaign.Campaign;
import org.varsel.pipeline.campaign.CampaignChange;
import org.varsel.pipeline.campaign.CampaignMember;
import org.varsel.pipeline.campaign.CampaignOutput;
import org.varsel.pipeline.campaign.CampaignState;
import org.varsel.pipeline.campaign.Campaigns;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * Runs {@link Campaigns} as a keyed operator over one key (findings are few: a few per thousand signals), its
 * {@link CampaignState} in four map states, one entry per pending update, finding and campaign, and on RocksDB one per
 * chunk of a campaign's lists ({@link org.varsel.pipeline.campaign.CampaignParts}), so that RocksDB reads and writes what
 * a finding touches, not every campaign. Event-time timers release pending updates in order and forget
 * campaigns that are over; the TTL is a safety net. It sends {@link CampaignChange}s, not incidents: building a
 * campaign's incident reads every finding of it, which on this one key capped the whole job (docs/operations.md), so
 * {@link CampaignIncidentFunction} builds them keyed by campaign, in parallel.
 *
 * <p>Every new finding is compared with the findings of every campaign near it in time, so on RocksDB it read (and
 * deserialised whole incidents of) most of the state for each finding: 60 % of the pipeline's CPU in the bench
 * (docs/performance.md). The findings and campaigns this operator last read or wrote are therefore kept deserialised
 * in a bounded cache in front of the map states. This operator is the only writer of its state and every write reaches
 * the backend by the end of the record or timer that made it ({@link FlinkCampaignState}), so the cache never holds
 * what a checkpoint lacks; after a restore it starts empty.
 * It is emptied every {@link #CACHE_LIFETIME} of processing time, so an entry the TTL expired (the privacy bound of
 * {@code pipeline.incidents.state-ttl}) is not served from memory for longer than that.
 */
public final class CampaignFunction extends KeyedProcessFunction<String, FindingUpdate, CampaignChange> {
    /** The one key every finding is consolidated under. */
    public static final String KEY = "campaigns";

    /** Findings and campaigns kept deserialised (each an incident of a few KB): a few thousand campaigns' worth. */
    static final int CACHED_ENTRIES = 4_096;

    static final Duration CACHE_LIFETIME = Duration.ofMinutes(1);

    private final Campaigns campaigns;
    private final Duration stateTtl;
    private final Duration maxHold;
    private transient FlinkCampaignState state;

    /** Updates wait for the watermark only (replays: deterministic campaigns). */
    public CampaignFunction(Campaigns campaigns, Duration stateTtl) {
        this(campaigns, stateTtl, Duration.ZERO);
    }

    /**
     * Updates wait for the watermark, but never longer than {@code maxHold} of processing time (live: a quiet spell
     * moves no watermark, and the watermark trails by the out-of-orderness); zero waits for the watermark only.
     */
    public CampaignFunction(Campaigns campaigns, Duration stateTtl, Duration maxHold) {
        this.campaigns = campaigns;
        this.stateTtl = stateTtl;
        this.maxHold = maxHold;
    }

    @Override
    public void open(OpenContext openContext) {
        state = new FlinkCampaignState(
                KeyedAccess.readsFreshCopies(getRuntimeContext()),
                stateTtl,
                getRuntimeContext().getMapState(pendingState(stateTtl)),
                getRuntimeContext().getMapState(membersState(stateTtl)),
                getRuntimeContext().getMapState(campaignsState(stateTtl)),
                getRuntimeContext().getMapState(campaignPartsState(stateTtl)));
    }

    static MapStateDescriptor<String, FindingUpdate> pendingState(Duration stateTtl) {
        return KeyedAccess.expiringWithoutCleanupOnAccess(
                new MapStateDescriptor<>("campaign-pending", Types.STRING, TypeInformation.of(FindingUpdate.class)),
                stateTtl);
    }

    static MapStateDescriptor<String, CampaignMember> membersState(Duration stateTtl) {
        return KeyedAccess.expiringWithoutCleanupOnAccess(
                new MapStateDescriptor<>("campaign-members", Types.STRING, TypeInformation.of(CampaignMember.class)),
                stateTtl);
    }

    static MapStateDescriptor<String, Campaign> campaignsState(Duration stateTtl) {
        return KeyedAccess.expiringWithoutCleanupOnAccess(
                new MapStateDescriptor<>("campaigns", Types.STRING, TypeInformation.of(Campaign.class)), stateTtl);
    }

    static MapStateDescriptor<String, List<String>> campaignPartsState(Duration stateTtl) {
        return KeyedAccess.expiringWithoutCleanupOnAccess(
                new MapStateDescriptor<>("campaign-parts", Types.STRING, Types.LIST(Types.STRING)), stateTtl);
    }

    @Override
    public void processElement(FindingUpdate update, Context context, Collector<CampaignChange> out) {
        TimerService timers = context.timerService();
        state.startCall(timers.currentProcessingTime());
        campaigns.onFinding(state, update, timers.currentWatermark(), output(timers, out));
        state.writeBack();
        if (!maxHold.isZero()) {
            // one timer a second at most: the release takes everything held
            long second = (timers.currentProcessingTime() + maxHold.toMillis()) / 1_000 * 1_000 + 1_000;
            timers.registerProcessingTimeTimer(second);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<CampaignChange> out) {
        state.startCall(context.timerService().currentProcessingTime());
        if (context.timeDomain() == TimeDomain.PROCESSING_TIME) {
            campaigns.onHoldExpired(state, output(context.timerService(), out));
        } else {
            campaigns.onTimer(state, timestamp, output(context.timerService(), out));
        }
        state.writeBack();
    }

    private static CampaignOutput output(TimerService timers, Collector<CampaignChange> out) {
        return new Output(timers, out);
    }

    private static final class Output extends TimerOutput<CampaignChange> implements CampaignOutput {
        Output(TimerService timers, Collector<CampaignChange> out) {
            super(timers, out);
        }
    }
}

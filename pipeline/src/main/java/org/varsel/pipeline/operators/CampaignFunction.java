package org.varsel.pipeline.operators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.varsel.pipeline.campaign.Campaign;
import org.varsel.pipeline.campaign.CampaignChange;
import org.varsel.pipeline.campaign.CampaignContentIndex;
import org.varsel.pipeline.campaign.CampaignMember;
import org.varsel.pipeline.campaign.CampaignOutput;
import org.varsel.pipeline.campaign.CampaignState;
import org.varsel.pipeline.campaign.Campaigns;
import org.varsel.pipeline.campaign.CampaignsByLastSeen;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * Runs {@link Campaigns} as a keyed operator over one key (findings are few: a few per thousand signals), its
 * {@link CampaignState} in three map states, one entry per pending update, finding and campaign, so that RocksDB reads
 * and writes what a finding touches, not every campaign. Event-time timers release pending updates in order and forget
 * campaigns that are over; the TTL is a safety net. It sends {@link CampaignChange}s, not incidents: building a
 * campaign's incident reads every finding of it, which on this one key capped the whole job (docs/operations.md), so
 * {@link CampaignIncidentFunction} builds them keyed by campaign, in parallel.
 *
 * <p>Every new finding is compared with the findings of every campaign near it in time, so on RocksDB it read (and
 * deserialised whole incidents of) most of the state for each finding: 60 % of the pipeline's CPU in the bench
 * (docs/performance.md). The findings and campaigns this operator last read or wrote are therefore kept deserialised
 * in a bounded cache in front of the map states. This operator is the only writer of its state and every write goes
 * through to the backend at once, so the cache never holds what a checkpoint lacks; after a restore it starts empty.
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
                getRuntimeContext()
                        .getMapState(KeyedAccess.expiringWithoutCleanupOnAccess(
                                new MapStateDescriptor<>(
                                        "campaign-pending", Types.STRING, TypeInformation.of(FindingUpdate.class)),
                                stateTtl)),
                getRuntimeContext()
                        .getMapState(KeyedAccess.expiringWithoutCleanupOnAccess(
                                new MapStateDescriptor<>(
                                        "campaign-members", Types.STRING, TypeInformation.of(CampaignMember.class)),
                                stateTtl)),
                getRuntimeContext()
                        .getMapState(KeyedAccess.expiringWithoutCleanupOnAccess(
                                new MapStateDescriptor<>("campaigns", Types.STRING, TypeInformation.of(Campaign.class)),
                                stateTtl)));
    }

    @Override
    public void processElement(FindingUpdate update, Context context, Collector<CampaignChange> out) {
        TimerService timers = context.timerService();
        state.expireCache(timers.currentProcessingTime());
        campaigns.onFinding(state, update, timers.currentWatermark(), output(timers, out));
        if (!maxHold.isZero()) {
            // one timer a second at most: the release takes everything held
            long second = (timers.currentProcessingTime() + maxHold.toMillis()) / 1_000 * 1_000 + 1_000;
            timers.registerProcessingTimeTimer(second);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<CampaignChange> out) {
        state.expireCache(context.timerService().currentProcessingTime());
        if (context.timeDomain() == TimeDomain.PROCESSING_TIME) {
            campaigns.onHoldExpired(state, output(context.timerService(), out));
        } else {
            campaigns.onTimer(state, timestamp, output(context.timerService(), out));
        }
    }

    private static CampaignOutput output(TimerService timers, Collector<CampaignChange> out) {
        return new Output(timers, out);
    }

    private static final class Output extends TimerOutput<CampaignChange> implements CampaignOutput {
        Output(TimerService timers, Collector<CampaignChange> out) {
            super(timers, out);
        }
    }

    /**
     * The consolidation's state in Flink keyed state, with a write-through cache of findings and campaigns. The cache is
     * not scoped by key: the operator has one key ({@link #KEY}). Consolidation changes what it reads in place, so the
     * cache is kept only where the backend reads fresh copies ({@link KeyedAccess#readsFreshCopies}).
     */
    private static final class FlinkCampaignState implements CampaignState {
        private final MapState<String, FindingUpdate> pending;
        private final MapState<String, CampaignMember> members;
        private final MapState<String, Campaign> campaigns;
        private final RecentEntries<CampaignMember> cachedMembers;
        private final RecentEntries<Campaign> cachedCampaigns;
        /**
         * The keys of the two states that are walked on every timer, in order, in operator memory: read from the state once
         * after a start or restore, then kept with every write. Walking the states themselves (through the TTL wrapper, on
         * RocksDB deserialising each key) on every timer cost more than consolidating (docs/performance.md).
         */
        private TreeSet<String> pendingKeys;

        private TreeSet<String> campaignKeys;

        /** Likewise which campaign holds which content token: a finding reads only the campaigns it may meet. */
        private CampaignContentIndex contentIndex;

        /** Likewise when each campaign was last seen: a timer reads only the campaigns that may be over. */
        private CampaignsByLastSeen byLastSeen;

        FlinkCampaignState(
                boolean caching,
                MapState<String, FindingUpdate> pending,
                MapState<String, CampaignMember> members,
                MapState<String, Campaign> campaigns) {
            this.cachedMembers = new RecentEntries<>(CACHED_ENTRIES, CACHE_LIFETIME, caching);
            this.cachedCampaigns = new RecentEntries<>(CACHED_ENTRIES, CACHE_LIFETIME, caching);
            this.pending = pending;
            this.members = members;
            this.campaigns = campaigns;
        }

        void expireCache(long now) {
            cachedMembers.forgetWhenDue(now);
            cachedCampaigns.forgetWhenDue(now);
        }

        private static TreeSet<String> keysOf(MapState<String, ?> state) {
            return KeyedAccess.call(() -> {
                TreeSet<String> keys = new TreeSet<>();
                state.keys().forEach(keys::add);
                return keys;
            });
        }

        @Override
        public void addPending(long at, FindingUpdate update) {
            String key = CampaignState.pendingKey(at, update);
            KeyedAccess.run(() -> pending.put(key, update));
            pendingKeys().add(key);
        }

        @Override
        public List<FindingUpdate> takePending(long time) {
            return KeyedAccess.call(() -> {
                List<FindingUpdate> updates = new ArrayList<>();
                // keys sort by time (event times are positive): the due ones come first
                for (Iterator<String> keys = pendingKeys().iterator(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (CampaignState.pendingTime(key) > time) {
                        break;
                    }
                    FindingUpdate update = pending.get(key);
                    if (update != null) { // null: the TTL expired it
                        updates.add(update);
                    }
                    pending.remove(key);
                    keys.remove();
                }
                return updates;
            });
        }

        private TreeSet<String> pendingKeys() {
            if (pendingKeys == null) {
                pendingKeys = keysOf(pending);
            }
            return pendingKeys;
        }

        private TreeSet<String> campaignKeys() {
            if (campaignKeys == null) {
                campaignKeys = keysOf(campaigns);
            }
            return campaignKeys;
        }

        private CampaignContentIndex contentIndex() {
            indexCampaigns();
            return contentIndex;
        }

        private CampaignsByLastSeen byLastSeen() {
            indexCampaigns();
            return byLastSeen;
        }

        /** Reads both indexes back from the campaigns after a start or restore. */
        private void indexCampaigns() {
            if (contentIndex == null) {
                CampaignContentIndex index = new CampaignContentIndex();
                CampaignsByLastSeen times = new CampaignsByLastSeen();
                KeyedAccess.run(() -> campaigns.values().forEach(campaign -> {
                    index.put(campaign);
                    times.put(campaign);
                }));
                contentIndex = index;
                byLastSeen = times;
            }
        }

        @Override
        public CampaignMember member(String incidentId) {
            return cached(cachedMembers, incidentId, members);
        }

        @Override
        public void putMember(CampaignMember member) {
            KeyedAccess.run(() -> members.put(member.incident.id(), member));
            cachedMembers.put(member.incident.id(), member);
        }

        @Override
        public void removeMember(String incidentId) {
            KeyedAccess.run(() -> members.remove(incidentId));
            cachedMembers.remove(incidentId);
        }

        @Override
        public Campaign campaign(String id) {
            return cached(cachedCampaigns, id, campaigns);
        }

        @Override
        public void putCampaign(Campaign campaign) {
            KeyedAccess.run(() -> campaigns.put(campaign.id, campaign));
            cachedCampaigns.put(campaign.id, campaign);
            campaignKeys().add(campaign.id);
            contentIndex().put(campaign);
            byLastSeen().put(campaign);
        }

        @Override
        public void removeCampaign(String id) {
            KeyedAccess.run(() -> campaigns.remove(id));
            cachedCampaigns.remove(id);
            campaignKeys().remove(id);
            contentIndex().remove(id);
            byLastSeen().remove(id);
        }

        private static <V> V cached(Map<String, V> cache, String id, MapState<String, V> state) {
            V value = cache.get(id);
            if (value == null) {
                value = KeyedAccess.call(() -> state.get(id));
                if (value != null) {
                    cache.put(id, value);
                }
            }
            return value;
        }

        @Override
        public List<String> campaignIds() {
            return new ArrayList<>(campaignKeys());
        }

        @Override
        public List<String> campaignIdsLastSeenBy(long lastSeen) {
            return byLastSeen().lastSeenBy(lastSeen);
        }

        @Override
        public List<String> campaignIdsSharingContentWith(CampaignMember finding) {
            return contentIndex().mayShareContentWith(finding);
        }
    }
}

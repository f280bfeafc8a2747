package org.varsel.pipeline.operators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.apache.flink.api.common.state.MapState;
import org.varsel.pipeline.campaign.Campaign;
import org.varsel.pipeline.campaign.CampaignContentIndex;
import org.varsel.pipeline.campaign.CampaignMember;
import org.varsel.pipeline.campaign.CampaignParts;
import org.varsel.pipeline.campaign.CampaignState;
import org.varsel.pipeline.campaign.CampaignsByLastSeen;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * {@link CampaignFunction}'s consolidation state in Flink keyed state, with a cache of findings and campaigns. The cache
 * is not scoped by key: the operator has one key ({@link CampaignFunction#KEY}). Consolidation changes what it reads in
 * place, so the cache is kept only where the backend serialises, reading fresh copies ({@link
 * KeyedAccess#readsFreshCopies}).
 *
 * <p>Findings and campaigns put during one call of the operator (a record or a timer) are written to their map state
 * once, when the call ends ({@link #writeBack}): a release rewrote a campaign, with its list of findings and content,
 * for every finding that joined it and once more for its new version, so on RocksDB serialising campaigns was most of
 * the release (docs/performance.md). Nothing is held past the call, so a checkpoint, which is taken between calls,
 * finds everything in the map states.
 *
 * <p>Where the backend serialises (RocksDB), a campaign is written in parts ({@link CampaignParts}): its head, and the
 * chunks of its findings and content summary that gained entries, in a map state of their own; whole, its lists were
 * ~6.8 KB a write. The heap backend keeps references, so there a campaign is put whole (a reference, nothing
 * serialised). Either reads both forms, so a snapshot of either backend, and of builds before the parts, restores.
 *
 * <p>Every entry expires by the state TTL from its own write. A campaign's head is written whenever it changes, but its
 * findings and the chunks of its lists only when they change: a day-long campaign is forgotten (25 hours after its last
 * sighting) after the TTL has expired what it gathered first, and a read of it then stopped at the missing chunk
 * (docs/performance.md). So a write of a campaign whose stored parts may be older than a quarter of the TTL rewrites
 * them all ({@link #campaignsWithAgeingParts}): none then expires more than a quarter of the TTL before its head.
 */
final class FlinkCampaignState implements CampaignState {
    private final MapState<String, FindingUpdate> pending;
    private final MapState<String, CampaignMember> members;
    private final MapState<String, Campaign> campaigns;
    private final MapState<String, List<String>> campaignParts;
    private final boolean serialisingBackend;
    /** How old a campaign's stored parts may grow before a write of its head rewrites them: a quarter of the TTL. */
    private final long rewritePartsAfterMillis;
    /**
     * Per campaign, the processing time since which every part of it was written (its findings and, in parts, its
     * chunks); operator memory, so unknown after a start or restore, and then its next write rewrites them.
     */
    private final Map<String, Long> partsWrittenSince = new HashMap<>();
    /** The processing time of the operator's call. */
    private long now;

    private final RecentEntries<CampaignMember> cachedMembers;
    private final RecentEntries<Campaign> cachedCampaigns;
    /** What this call put and has not written yet, in the order first put. */
    private final Map<String, CampaignMember> unwrittenMembers = new LinkedHashMap<>();

    private final Map<String, Campaign> unwrittenCampaigns = new LinkedHashMap<>();
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
            boolean serialisingBackend,
            Duration stateTtl,
            MapState<String, FindingUpdate> pending,
            MapState<String, CampaignMember> members,
            MapState<String, Campaign> campaigns,
            MapState<String, List<String>> campaignParts) {
        this.cachedMembers = new RecentEntries<>(
                CampaignFunction.CACHED_ENTRIES, CampaignFunction.CACHE_LIFETIME, serialisingBackend);
        this.cachedCampaigns = new RecentEntries<>(
                CampaignFunction.CACHED_ENTRIES, CampaignFunction.CACHE_LIFETIME, serialisingBackend);
        this.pending = pending;
        this.members = members;
        this.campaigns = campaigns;
        this.campaignParts = campaignParts;
        this.serialisingBackend = serialisingBackend;
        this.rewritePartsAfterMillis = stateTtl.toMillis() / 4;
    }

    /** Writes what this call put to the map states; the operator calls it at the end of every call. */
    void writeBack() {
        Set<String> ageing = campaignsWithAgeingParts();
        ageing.forEach(this::rewriteFindingsOf);
        writeBack(unwrittenMembers, members);
        if (serialisingBackend) {
            writeBackInParts(ageing);
        } else {
            writeBack(unwrittenCampaigns, campaigns);
        }
    }

    /**
     * The campaigns to be written whose stored parts may be older than {@link #rewritePartsAfterMillis} (or of unknown
     * age), counted from now as written since: this write rewrites their parts.
     */
    private Set<String> campaignsWithAgeingParts() {
        Set<String> ageing = new HashSet<>();
        for (String id : unwrittenCampaigns.keySet()) {
            Long since = partsWrittenSince.get(id);
            if (since == null || now - since >= rewritePartsAfterMillis) {
                ageing.add(id);
                partsWrittenSince.put(id, now);
            }
        }
        return ageing;
    }

    private void rewriteFindingsOf(String campaignId) {
        for (String id : unwrittenCampaigns.get(campaignId).findings) {
            if (!unwrittenMembers.containsKey(id)) {
                CampaignMember member = member(id);
                if (member != null) { // null: the TTL expired it (a campaign of unknown age)
                    unwrittenMembers.put(id, member);
                }
            }
        }
    }

    private void writeBackInParts(Set<String> ageing) {
        BiConsumer<String, List<String>> putChunk =
                (key, chunk) -> KeyedAccess.run(() -> campaignParts.put(key, chunk));
        for (Campaign campaign : unwrittenCampaigns.values()) {
            Campaign head = CampaignParts.head(campaign);
            KeyedAccess.run(() -> campaigns.put(campaign.id, head));
            if (ageing.contains(campaign.id)) {
                CampaignParts.everyChunk(campaign, putChunk);
            } else {
                CampaignParts.changedChunks(campaign, putChunk);
            }
        }
        unwrittenCampaigns.clear();
    }

    private static <V> void writeBack(Map<String, V> unwritten, MapState<String, V> state) {
        if (!unwritten.isEmpty()) {
            KeyedAccess.run(() -> {
                for (Map.Entry<String, V> entry : unwritten.entrySet()) {
                    state.put(entry.getKey(), entry.getValue());
                }
            });
            unwritten.clear();
        }
    }

    /** Starts a call of the operator at processing time {@code now}: empties the caches when due. */
    void startCall(long now) {
        this.now = now;
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
            KeyedAccess.run(() -> campaigns.values().forEach(stored -> {
                Campaign campaign = assembled(stored);
                index.put(campaign);
                times.put(campaign);
            }));
            contentIndex = index;
            byLastSeen = times;
        }
    }

    @Override
    public CampaignMember member(String incidentId) {
        return read(unwrittenMembers, cachedMembers, incidentId, members::get);
    }

    @Override
    public void putMember(CampaignMember member) {
        unwrittenMembers.put(member.incident.id(), member);
        cachedMembers.put(member.incident.id(), member);
    }

    @Override
    public void removeMember(String incidentId) {
        unwrittenMembers.remove(incidentId);
        KeyedAccess.run(() -> members.remove(incidentId));
        cachedMembers.remove(incidentId);
    }

    @Override
    public Campaign campaign(String id) {
        return read(unwrittenCampaigns, cachedCampaigns, id, key -> assembled(campaigns.get(key)));
    }

    @Override
    public void putCampaign(Campaign campaign) {
        unwrittenCampaigns.put(campaign.id, campaign);
        cachedCampaigns.put(campaign.id, campaign);
        campaignKeys().add(campaign.id);
        contentIndex().put(campaign);
        byLastSeen().put(campaign);
    }

    @Override
    public void removeCampaign(String id) {
        Campaign stored = campaign(id); // what the backend keeps of it: which chunks
        unwrittenCampaigns.remove(id);
        KeyedAccess.run(() -> campaigns.remove(id));
        if (stored != null) {
            CampaignParts.keptChunks(stored, key -> KeyedAccess.run(() -> campaignParts.remove(key)));
        }
        partsWrittenSince.remove(id);
        cachedCampaigns.remove(id);
        campaignKeys().remove(id);
        contentIndex().remove(id);
        byLastSeen().remove(id);
    }

    /** What this call put, else the cache's, else the state's (then cached). */
    private static <V> V read(
            Map<String, V> unwritten, Map<String, V> cache, String id, KeyedAccess.StateLookup<V> state) {
        V value = unwritten.get(id);
        if (value != null) {
            return value;
        }
        value = cache.get(id);
        if (value == null) {
            value = KeyedAccess.call(() -> state.get(id));
            if (value != null) {
                cache.put(id, value);
            }
        }
        return value;
    }

    /** A campaign as read from its id: whole, or a head whose lists are read from their chunks. */
    private Campaign assembled(Campaign stored) {
        return CampaignParts.assembled(stored, key -> KeyedAccess.call(() -> campaignParts.get(key)));
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

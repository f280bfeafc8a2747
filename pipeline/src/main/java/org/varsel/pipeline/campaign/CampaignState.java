package org.varsel.pipeline.campaign;

import java.util.List;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * The consolidation's state, split so that RocksDB touches one entry at a time: finding updates waiting for the
 * watermark (so that they are consolidated in event-time order, the same in every replay), the findings, and the
 * campaigns. {@code incident.CampaignFunction} keeps it in Flink map states; tests keep it in memory.
 */
public interface CampaignState {
    /** Keeps an update until event time reaches {@code at}. */
    void addPending(long at, FindingUpdate update);

    /** Removes and returns the updates kept until {@code time} or earlier, in (time, incident id, version) order. */
    List<FindingUpdate> takePending(long time);

    /** The finding with this incident id, or null. */
    CampaignMember member(String incidentId);

    void putMember(CampaignMember member);

    void removeMember(String incidentId);

    /** The campaign with this id, or null. */
    Campaign campaign(String id);

    void putCampaign(Campaign campaign);

    void removeCampaign(String id);

    /**
     * The ids of every live campaign in id order, as a copy (callers remove campaigns while they go through it); an id
     * whose campaign the state's TTL expired may still be listed (its {@link #campaign} is null).
     */
    List<String> campaignIds();

    /**
     * {@link #campaignIds} narrowed to the campaigns that may share content with {@code finding} (those without a
     * content summary included), so that consolidation need not read the others: every one by default.
     */
    default List<String> campaignIdsSharingContentWith(CampaignMember finding) {
        return campaignIds();
    }

    /**
     * The ids of the campaigns that may be over: at least every live campaign last seen at or before {@code lastSeen},
     * in id order; every id by default. An id whose campaign the state's TTL expired may be listed only once its last
     * sighting passes {@code lastSeen} (the TTL, 2 days of processing time, outlasts a campaign's retention).
     */
    default List<String> campaignIdsLastSeenBy(long lastSeen) {
        return campaignIds();
    }

    /** The key a pending update is kept under: sorts by time, then incident id, then version. */
    static String pendingKey(long at, FindingUpdate update) {
        return pendingKey(at, update.incident().id(), update.incident().version());
    }

    /**
     * {@code String.format("%019d|%s|%019d", at, incidentId, version)} with ASCII digits, written without the formatter,
     * which was most of a key's cost (docs/performance.md).
     */
    static String pendingKey(long at, String incidentId, long version) {
        StringBuilder key = new StringBuilder(40 + incidentId.length());
        appendZeroPadded(key, at).append('|').append(incidentId).append('|');
        return appendZeroPadded(key, version).toString();
    }

    /** {@code %019d}: at least 19 characters, a minus sign counted among them, zeros between it and the digits. */
    private static StringBuilder appendZeroPadded(StringBuilder to, long value) {
        String written = Long.toString(value);
        int digitsAt = value < 0 ? 1 : 0;
        to.append(written, 0, digitsAt);
        for (int width = written.length(); width < 19; width++) {
            to.append('0');
        }
        return to.append(written, digitsAt, written.length());
    }

    /** The time a pending key was kept until. */
    static long pendingTime(String key) {
        return Long.parseLong(key.substring(0, 19));
    }
}

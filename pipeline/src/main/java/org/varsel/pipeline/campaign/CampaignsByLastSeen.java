package org.varsel.pipeline.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which live campaign was last seen when, kept beside consolidation's state (ids and times only, no state objects), so
 * that forgetting the campaigns that are over reads only those due instead of every live campaign on every timer. A
 * campaign's last sighting only grows, so a stale entry can only list a campaign early, never late.
 */
public final class CampaignsByLastSeen {
    private final Map<String, Long> lastSeenOf = new HashMap<>();
    private final TreeMap<Long, Set<String>> byLastSeen = new TreeMap<>();

    /** Indexes (or moves) the campaign by its last sighting. */
    public void put(Campaign campaign) {
        Long before = lastSeenOf.put(campaign.id, campaign.lastSeen);
        if (before != null && before != campaign.lastSeen) {
            drop(before, campaign.id);
        }
        byLastSeen.computeIfAbsent(campaign.lastSeen, t -> new TreeSet<>()).add(campaign.id);
    }

    public void remove(String id) {
        Long before = lastSeenOf.remove(id);
        if (before != null) {
            drop(before, id);
        }
    }

    /** The ids of the campaigns last seen at or before {@code time}, in id order. */
    public List<String> lastSeenBy(long time) {
        TreeSet<String> due = new TreeSet<>();
        byLastSeen.headMap(time, true).values().forEach(due::addAll);
        return new ArrayList<>(due);
    }

    private void drop(long lastSeen, String id) {
        Set<String> ids = byLastSeen.get(lastSeen);
        ids.remove(id);
        if (ids.isEmpty()) {
            byLastSeen.remove(lastSeen);
        }
    }
}

package org.varsel.pipeline.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.varsel.pipeline.correlate.FindingUpdate;

/** The consolidation's state in plain maps: the replays' and the benches' (which count what it is asked to keep). */
public class MemoryCampaignState implements CampaignState {
    private final TreeMap<String, FindingUpdate> pending = new TreeMap<>();
    final Map<String, CampaignMember> members = new TreeMap<>();
    final Map<String, Campaign> campaigns = new TreeMap<>();

    @Override
    public void addPending(long at, FindingUpdate update) {
        pending.put(CampaignState.pendingKey(at, update), update);
    }

    @Override
    public List<FindingUpdate> takePending(long time) {
        List<FindingUpdate> due = new ArrayList<>();
        while (!pending.isEmpty() && CampaignState.pendingTime(pending.firstKey()) <= time) {
            due.add(pending.pollFirstEntry().getValue());
        }
        return due;
    }

    @Override
    public CampaignMember member(String incidentId) {
        return members.get(incidentId);
    }

    @Override
    public void putMember(CampaignMember member) {
        members.put(member.incident.id(), member);
    }

    @Override
    public void removeMember(String incidentId) {
        members.remove(incidentId);
    }

    @Override
    public Campaign campaign(String id) {
        return campaigns.get(id);
    }

    @Override
    public void putCampaign(Campaign campaign) {
        campaigns.put(campaign.id, campaign);
    }

    @Override
    public void removeCampaign(String id) {
        campaigns.remove(id);
    }

    @Override
    public List<String> campaignIds() {
        return new ArrayList<>(campaigns.keySet());
    }

    public boolean isEmpty() {
        return pending.isEmpty() && members.isEmpty() && campaigns.isEmpty();
    }
}

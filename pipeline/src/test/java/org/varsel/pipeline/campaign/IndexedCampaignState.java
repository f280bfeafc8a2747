package org.varsel.pipeline.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * Consolidation's state with the indexes the Flink operator keeps beside it (content tokens, last sightings), checking
 * every look-up against every live campaign and counting the campaigns each look-up spared.
 */
final class IndexedCampaignState extends MemoryCampaignState {
    private final CampaignContentIndex content = new CampaignContentIndex();
    private final CampaignsByLastSeen lastSeen = new CampaignsByLastSeen();
    int contentLookUps;
    int contentSpared;
    int timers;
    int timersSpared;
    int forgotten;

    /**
     * Consolidates a random stream of stories with merges ({@code seed}) through the indexes and holds its emissions
     * equal to those of consolidation that reads every campaign; returns the state, for its counts.
     */
    static IndexedCampaignState replayed(int seed) {
        List<FindingUpdate> findings = CampaignsTest.detect(CampaignContentSummaryTest.stream(new Random(seed)));
        IndexedCampaignState indexed = new IndexedCampaignState();
        CampaignReplay throughIndexes =
                new CampaignReplay(CampaignsTest.EVERY_CHANGE, CampaignsTest.OUT_OF_ORDERNESS, indexed);
        findings.forEach(throughIndexes::feed);
        throughIndexes.finish();
        assertThat(throughIndexes.emitted).as("seed %d", seed).isEqualTo(CampaignsTest.consolidate(findings).emitted);
        return indexed;
    }

    @Override
    public void putCampaign(Campaign campaign) {
        super.putCampaign(campaign);
        content.put(campaign);
        lastSeen.put(campaign);
    }

    @Override
    public void removeCampaign(String id) {
        super.removeCampaign(id);
        content.remove(id);
        lastSeen.remove(id);
    }

    @Override
    public void removeMember(String incidentId) {
        super.removeMember(incidentId);
        forgotten++;
    }

    @Override
    public List<String> campaignIdsSharingContentWith(CampaignMember finding) {
        List<String> every = campaignIds();
        List<String> listed = content.mayShareContentWith(finding);
        assertThat(listed)
                .as("campaigns that may share content with %s", finding.content)
                .isEqualTo(every.stream()
                        .filter(id ->
                                !campaign(id).knowsContent() || campaign(id).mayShareContentWith(finding))
                        .toList());
        contentLookUps++;
        contentSpared += every.size() - listed.size();
        return listed;
    }

    @Override
    public List<String> campaignIdsLastSeenBy(long time) {
        List<String> every = campaignIds();
        List<String> listed = lastSeen.lastSeenBy(time);
        assertThat(listed)
                .as("campaigns last seen by %d", time)
                .isEqualTo(every.stream()
                        .filter(id -> campaign(id).lastSeen <= time)
                        .toList());
        timers++;
        timersSpared += every.size() - listed.size();
        return listed;
    }
}

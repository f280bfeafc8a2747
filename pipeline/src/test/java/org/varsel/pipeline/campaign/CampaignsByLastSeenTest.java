package org.varsel.pipeline.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * The index by last sighting only spares the timers the campaigns that are not over: at every timer it lists exactly the
 * live campaigns last seen by then, and consolidation through it emits exactly what consolidation that reads every
 * campaign on every timer emits, campaigns forgotten included.
 */
class CampaignsByLastSeenTest {

    @Test
    void listsExactlyTheCampaignsLastSeenByThenAsFindingsGrowMergeAndEnd() {
        int timers = 0;
        int spared = 0;
        int forgotten = 0;
        for (int seed = 0; seed < 10; seed++) {
            List<FindingUpdate> findings = CampaignsTest.detect(CampaignContentSummaryTest.stream(new Random(seed)));
            CampaignReplay everyCampaign = CampaignsTest.consolidate(findings);
            IndexedState indexed = new IndexedState();
            CampaignReplay throughIndex =
                    new CampaignReplay(CampaignsTest.EVERY_CHANGE, CampaignsTest.OUT_OF_ORDERNESS, indexed);
            findings.forEach(throughIndex::feed);
            throughIndex.finish();

            assertThat(throughIndex.emitted).isEqualTo(everyCampaign.emitted);
            timers += indexed.timers;
            spared += indexed.spared;
            forgotten += indexed.forgotten;
        }
        assertThat(forgotten).as("campaigns forgotten on timers").isPositive();
        assertThat(spared).as("campaigns not read, of %d timers", timers).isPositive();
    }

    @Test
    void movesACampaignThatWasSeenAgainAndForgetsARemovedOne() {
        CampaignsByLastSeen index = new CampaignsByLastSeen();
        index.put(campaign("c1", 10));
        index.put(campaign("c0", 20));
        assertThat(index.lastSeenBy(20)).containsExactly("c0", "c1");
        assertThat(index.lastSeenBy(10)).containsExactly("c1");

        index.put(campaign("c1", 30));
        assertThat(index.lastSeenBy(29)).containsExactly("c0");
        assertThat(index.lastSeenBy(30)).containsExactly("c0", "c1");

        index.remove("c0");
        assertThat(index.lastSeenBy(30)).containsExactly("c1");
        index.remove("c1");
        assertThat(index.lastSeenBy(Long.MAX_VALUE)).isEmpty();
    }

    private static Campaign campaign(String id, long lastSeen) {
        Campaign campaign = new Campaign();
        campaign.id = id;
        campaign.lastSeen = lastSeen;
        return campaign;
    }

    /** Consolidation's state with the index beside it, checking every timer's list against every live campaign. */
    private static final class IndexedState extends MemoryCampaignState {
        private final CampaignsByLastSeen index = new CampaignsByLastSeen();
        int timers;
        int spared;
        int forgotten;

        @Override
        public void putCampaign(Campaign campaign) {
            super.putCampaign(campaign);
            index.put(campaign);
        }

        @Override
        public void removeCampaign(String id) {
            super.removeCampaign(id);
            index.remove(id);
        }

        @Override
        public void removeMember(String incidentId) {
            super.removeMember(incidentId);
            forgotten++;
        }

        @Override
        public List<String> campaignIdsLastSeenBy(long lastSeen) {
            List<String> every = campaignIds();
            List<String> listed = index.lastSeenBy(lastSeen);
            assertThat(listed)
                    .as("campaigns last seen by %d", lastSeen)
                    .isEqualTo(every.stream()
                            .filter(id -> campaign(id).lastSeen <= lastSeen)
                            .toList());
            timers++;
            spared += every.size() - listed.size();
            return listed;
        }
    }
}

package org.varsel.pipeline.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
            IndexedCampaignState indexed = IndexedCampaignState.replayed(seed);
            timers += indexed.timers;
            spared += indexed.timersSpared;
            forgotten += indexed.forgotten;
        }
        assertThat(forgotten).as("findings forgotten on timers").isPositive();
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
}

package org.varsel.pipeline.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The content index only spares consolidation the campaigns a finding cannot meet: at every look-up it lists exactly
 * the live campaigns whose summary may share content with the finding (and those without a summary), and consolidation
 * through it emits exactly what consolidation that reads every campaign emits.
 */
class CampaignContentIndexTest {

    @Test
    void listsExactlyTheCampaignsWhoseSummaryMayShareContentAsFindingsGrowAndMerge() {
        int lookUps = 0;
        int spared = 0;
        long merged = 0;
        for (int seed = 0; seed < 10; seed++) {
            IndexedCampaignState indexed = IndexedCampaignState.replayed(seed);
            lookUps += indexed.contentLookUps;
            spared += indexed.contentSpared;
            merged += CampaignsTest.consolidate(
                            CampaignsTest.detect(CampaignContentSummaryTest.stream(new Random(seed))))
                    .latest()
                    .values()
                    .stream()
                    .filter(i -> i.mergedInto() != null)
                    .count();
        }
        assertThat(merged).as("campaigns merged").isGreaterThan(5);
        assertThat(spared).as("campaigns not read, of %d look-ups", lookUps).isPositive();
    }

    @Test
    void indexesWhatASummaryGainedAndForgetsARemovedCampaign() {
        Campaign campaign = campaign("c1", List.of("#a"), List.of("#a"));
        CampaignContentIndex index = new CampaignContentIndex();
        index.put(campaign);
        assertThat(index.mayShareContentWith(finding(List.of("url x"), List.of("url x", "#a"))))
                .containsExactly("c1");
        assertThat(index.mayShareContentWith(finding(List.of("url x"), List.of("url x"))))
                .isEmpty();

        campaign.content.add("url x");
        index.put(campaign);
        assertThat(index.mayShareContentWith(finding(List.of("url x"), List.of("url x"))))
                .containsExactly("c1");

        index.remove("c1");
        assertThat(index.mayShareContentWith(finding(List.of("url x"), List.of("url x", "#a"))))
                .isEmpty();
    }

    @Test
    void listsACampaignWithoutASummaryForEveryFinding() {
        Campaign kept = campaign("c0", null, null);
        CampaignContentIndex index = new CampaignContentIndex();
        index.put(kept);
        index.put(campaign("c1", List.of("#a"), List.of("#a")));
        assertThat(index.mayShareContentWith(finding(List.of("#b"), List.of("#b"))))
                .containsExactly("c0");
    }

    private static Campaign campaign(String id, List<String> content, List<String> defining) {
        Campaign campaign = new Campaign();
        campaign.id = id;
        campaign.content = content == null ? null : new ArrayList<>(content);
        campaign.defining = defining == null ? null : new ArrayList<>(defining);
        return campaign;
    }

    private static CampaignMember finding(List<String> defining, List<String> content) {
        CampaignMember finding = new CampaignMember();
        finding.defining = new ArrayList<>(defining);
        finding.content = new ArrayList<>(content);
        return finding;
    }
}

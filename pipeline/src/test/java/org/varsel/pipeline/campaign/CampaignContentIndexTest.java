package org.varsel.pipeline.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.correlate.FindingUpdate;

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
            List<FindingUpdate> findings = CampaignsTest.detect(CampaignContentSummaryTest.stream(new Random(seed)));
            CampaignReplay everyCampaign = CampaignsTest.consolidate(findings);
            IndexedState indexed = new IndexedState();
            CampaignReplay throughIndex =
                    new CampaignReplay(CampaignsTest.EVERY_CHANGE, CampaignsTest.OUT_OF_ORDERNESS, indexed);
            findings.forEach(throughIndex::feed);
            throughIndex.finish();

            assertThat(throughIndex.emitted).isEqualTo(everyCampaign.emitted);
            lookUps += indexed.lookUps;
            spared += indexed.spared;
            merged += everyCampaign.latest().values().stream()
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

    /** Consolidation's state with the index beside it, checking every look-up against every live campaign. */
    private static final class IndexedState extends MemoryCampaignState {
        private final CampaignContentIndex index = new CampaignContentIndex();
        int lookUps;
        int spared;

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
        public List<String> campaignIdsSharingContentWith(CampaignMember finding) {
            List<String> every = campaignIds();
            List<String> listed = index.mayShareContentWith(finding);
            assertThat(listed)
                    .as("campaigns that may share content with %s", finding.content)
                    .isEqualTo(every.stream()
                            .filter(id ->
                                    !campaign(id).knowsContent() || campaign(id).mayShareContentWith(finding))
                            .toList());
            lookUps++;
            spared += every.size() - listed.size();
            return listed;
        }
    }
}

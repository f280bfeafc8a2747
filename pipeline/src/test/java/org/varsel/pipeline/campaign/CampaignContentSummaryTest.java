package org.varsel.pipeline.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.minutes;
import static org.varsel.pipeline.correlate.Posts.post;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.correlate.Posts;

/**
 * A campaign's summary of its findings' content only skips campaigns that cannot meet a finding: consolidation with it
 * emits exactly what consolidation emits when every summary is rebuilt from the findings before each use (as for a
 * campaign restored from state kept before summaries existed).
 */
class CampaignContentSummaryTest {

    @Test
    void summariesKeptAsFindingsGrowAndMergeDecideAsSummariesRebuiltFromTheFindings() {
        int merged = 0;
        for (int seed = 0; seed < 10; seed++) {
            merged += assertSameWithRebuiltSummaries(stream(new Random(seed)));
        }
        assertThat(merged).as("campaigns merged").isGreaterThan(5);
    }

    /** How many campaigns merged into others. */
    private static long assertSameWithRebuiltSummaries(List<AnalysedSignal> stream) {
        List<FindingUpdate> findings = CampaignsTest.detect(stream);
        CampaignReplay kept = CampaignsTest.consolidate(findings);
        CampaignReplay rebuilt =
                new CampaignReplay(CampaignsTest.EVERY_CHANGE, CampaignsTest.OUT_OF_ORDERNESS, new SummaryLessState());
        findings.forEach(rebuilt::feed);
        rebuilt.finish();

        assertThat(kept.queue())
                .as("the stream makes campaigns")
                .extracting(i -> i.kind().label())
                .contains("campaign");
        assertThat(kept.emitted).isEqualTo(rebuilt.emitted);
        return kept.latest().values().stream()
                .filter(i -> i.mergedInto() != null)
                .count();
    }

    /**
     * Eight stories by overlapping subsets of one pool of accounts, each with its own link and text, some with a common
     * hashtag, posted in waves so that findings grow (and their content changes) after they joined a campaign.
     */
    static List<AnalysedSignal> stream(Random random) {
        List<AnalysedSignal> stream = new ArrayList<>();
        int id = 0;
        for (int story = 0; story < 8; story++) {
            double start = random.nextInt(240);
            for (int wave = 0; wave < 3; wave++) {
                int accounts = 6 + random.nextInt(8);
                for (int i = 0; i < accounts; i++) {
                    Posts post = post(id++)
                            .by("pool" + random.nextInt(40))
                            .at(minutes(start + wave * 25 + random.nextInt(20)))
                            .text("story " + story + " they will not tell you what happened at the plant tonight")
                            .url("https://s" + story + ".example/" + wave % 2);
                    if (random.nextBoolean()) {
                        post = post.hashtag(random.nextInt(3) == 0 ? "everyone" : "story" + story / 2);
                    }
                    stream.add(post.analysed());
                }
            }
        }
        stream.sort(Comparator.comparing(a -> a.signal().observedAt()));
        return stream;
    }

    /** Hands out every campaign without its summary, so that consolidation rebuilds it from the findings each time. */
    private static final class SummaryLessState extends MemoryCampaignState {
        @Override
        public Campaign campaign(String id) {
            Campaign campaign = super.campaign(id);
            if (campaign != null) {
                campaign.content = null;
                campaign.defining = null;
            }
            return campaign;
        }
    }
}

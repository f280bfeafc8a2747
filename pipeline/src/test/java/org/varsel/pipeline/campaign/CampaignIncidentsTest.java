package org.varsel.pipeline.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The emission stage builds, from the changes consolidation sends (the findings touched since a campaign's last
 * emission), exactly the incident that building it from every finding in consolidation's state gives at that moment.
 */
class CampaignIncidentsTest {

    @Test
    void incidentsBuiltFromTheChangesEqualIncidentsBuiltFromEveryFindingAtEveryEmission() {
        int sent = 0;
        int held = 0;
        long merged = 0;
        for (int seed = 0; seed < 10; seed++) {
            CampaignReplay replay = CampaignsTest.consolidate(
                    CampaignsTest.detect(CampaignContentSummaryTest.stream(new Random(seed))));
            assertThat(replay.emitted).isEqualTo(replay.builtWhole);
            sent += replay.findingsSent;
            held += replay.findingsHeld;
            merged += replay.latest().values().stream()
                    .filter(i -> i.mergedInto() != null)
                    .count();
        }
        assertThat(merged).as("campaigns merged").isGreaterThan(5);
        assertThat(sent)
                .as("findings sent against findings the emitted campaigns held")
                .isLessThan(held / 2);
    }

    @Test
    void aChangeForACampaignWhoseFindingsTheTtlExpiredEmitsNothingAndDoesNotFail() {
        List<CampaignMember> held = new ArrayList<>();
        CampaignIncidents incidents = new CampaignIncidents(CampaignsTest.EVERY_CHANGE);
        CampaignFindings expired = new CampaignFindings() {
            private CampaignEmission emission;

            @Override
            public List<CampaignMember> all() {
                return held;
            }

            @Override
            public void put(CampaignMember finding) {
                held.add(finding);
            }

            @Override
            public void clear() {
                held.clear();
            }

            @Override
            public CampaignEmission emission() {
                return emission;
            }

            @Override
            public void emission(CampaignEmission value) {
                emission = value;
            }
        };

        assertThat(incidents.apply(
                        new CampaignChange("inc-1", 3, List.of(), false, null, false), 0, expired, due -> {}))
                .isEmpty();
        assertThat(incidents.apply(
                        new CampaignChange("inc-1", 3, List.of(), false, "inc-0", false), 0, expired, due -> {}))
                .isEmpty();
    }
}

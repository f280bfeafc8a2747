package org.varsel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incidents built with {@link IncidentBuilder} encode byte for byte as those built positionally before it existed. */
class IncidentWireFormatTest {

    @Test
    void aBuiltIncidentEncodesAsTheUpdatesWrittenBeforeTheBuilder() throws IOException {
        assertEncodesAs(ContractTest.sampleIncident(), "incident.json");
    }

    @Test
    void aBuiltCampaignWithItsFindingsEncodesAsBefore() throws IOException {
        assertEncodesAs(ContractTest.sampleCampaign(), "campaign.json");
    }

    @Test
    void derivedUpdatesKeepEveryOtherFieldAndEncodeAsBefore() throws IOException {
        Incident sample = ContractTest.sampleIncident();
        assertEncodesAs(sample.mergedInto(4, "inc-c"), "merged-into.json");
        assertEncodesAs(sample.withSuppressedBy("inc-dismissed-1").withVersion(9), "suppressed.json");
        Incident.Trend trend = new Incident.Trend(
                "migrants",
                "north",
                "P7D",
                3,
                "mean and spread",
                List.of(new Incident.TrendPoint(sample.firstSeen(), 4, 1.5, 3.0)));
        assertEncodesAs(sample.withTrend(trend), "early-warning.json");
    }

    @Test
    void aBuilderFromAnIncidentBuildsAnEqualIncident() {
        Incident campaign = ContractTest.sampleCampaign().withSuppressedBy("inc-d");
        assertThat(campaign.toBuilder().build()).isEqualTo(campaign);
    }

    @Test
    void aNewIncidentIsItsFirstVersionWithEmptyListsAndNoCampaignFields() {
        Incident fresh = Incident.builder().id("inc-new").build();
        assertThat(fresh.schema()).isEqualTo(Incident.SCHEMA);
        assertThat(fresh.version()).isEqualTo(1);
        assertThat(fresh.sources()).isEmpty();
        assertThat(fresh.tcap()).isEmpty();
        assertThat(fresh.findings()).isNull();
        assertThat(fresh.mergedInto()).isNull();
    }

    private static void assertEncodesAs(Incident incident, String golden) throws IOException {
        try (InputStream in = IncidentWireFormatTest.class.getResourceAsStream("/incident-wire/" + golden)) {
            assertThat(new String(IncidentCodec.toJsonBytes(incident), StandardCharsets.UTF_8))
                    .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}

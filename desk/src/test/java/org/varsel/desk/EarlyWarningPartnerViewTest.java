package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Json;
import org.varsel.desk.triage.PartnerView;

/**
 * An early warning counts every source's signals of a rise, while its evidence lists a few examples: a partner sees
 * neither its trend nor its counts, even when every example listed is the partner's own.
 */
class EarlyWarningPartnerViewTest {
    @Test
    void aPartnerSeesNoTrendAndNoCountsOfAnEarlyWarningEvenWhenTheListedSourcesAreAllItsOwn() {
        ObjectNode warning = Json.mapper()
                .valueToTree(TestIncidents.earlyWarning(
                        TestIncidents.newId(),
                        "Early warning: threats against migrants rising for 3 weeks",
                        Instant.parse("2026-03-02T00:00:00Z")));
        assertThat(warning.path("sources").toString()).isEqualTo("[\"partner:ngo-a\"]");

        ObjectNode view = PartnerView.of(warning, "ngo-a");

        assertThat(view.has("trend")).isFalse();
        assertThat(view.path("signal_count").asInt()).isZero();
        assertThat(view.path("target_groups")).isEmpty();
        assertThat(view.path("title").asText()).doesNotContain("migrants");
    }
}

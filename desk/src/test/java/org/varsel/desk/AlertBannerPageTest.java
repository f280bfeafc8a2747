package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** The threat-to-life banner as the server renders it: staff see it on every page until acknowledged, partners never. */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class AlertBannerPageTest {

    @Test
    void staffSeeTheBannerUntilOneOfThemAcknowledgesItAndPartnersNeverSeeIt(LocalKafka kafka, PostgresDatabase database)
            throws Exception {
        try (Desk desk = Desk.start(DeskTestSupport.config(kafka, database))) {
            desk.credentials().createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.AMBER, "t");
            desk.credentials()
                    .createUser("ana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t");
            desk.credentials()
                    .createUser("pia", "partner passphrase".toCharArray(), Role.PARTNER, Optional.of("ngo-a"), "t");
            String threat = TestIncidents.newId();
            // last seen now: older incidents are the retention purge's to take
            desk.incidents()
                    .upsert(List.of(TestIncidents.incident(
                            threat, 1, List.of("partner:ngo-a"), Tier.THREAT_TO_LIFE, 100, Instant.now())));
            DeskClient client = new DeskClient(desk.port());
            Caller analyst = client.login("ana", "analyst passphrase");
            Caller partner = client.login("pia", "partner passphrase");

            for (String page : List.of("/", "/rules", "/incidents/" + threat)) {
                assertThat(client.get(page, analyst).body())
                        .as(page)
                        .contains(
                                "id=\"alert-banner\"",
                                "href=\"/incidents/" + threat + "\"",
                                "/alerts/" + threat + "/acknowledge");
            }
            assertThat(client.get("/incidents/" + threat, partner).body())
                    .contains(threat)
                    .doesNotContain("alert-banner");

            assertThat(client.postForm(
                                    "/alerts/" + threat + "/acknowledge",
                                    analyst,
                                    "_csrf",
                                    analyst.csrf().orElseThrow(),
                                    "back",
                                    "/rules")
                            .headers()
                            .firstValue("Location"))
                    .contains("/rules");
            assertThat(client.get("/", analyst).body()).doesNotContain("/alerts/" + threat + "/acknowledge");
            assertThat(desk.alerts().find(threat).orElseThrow().acknowledgedBy())
                    .contains("ana");
        }
    }
}

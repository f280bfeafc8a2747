package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Json;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.privacy.HandlePseudonyms;
import org.varsel.pipeline.privacy.PrivacySettings;

/** Pseudonymised accounts are still one account each: a coordinated campaign is detected as before. */
class PseudonymisedCoordinationTest {
    static final HandlePseudonyms PSEUDONYMS =
            new HandlePseudonyms(PrivacySettings.of(PrivacySettings.generateKey(), ""));

    static AnalysedSignal pseudonymised(Posts post) {
        return post.analysed().withSignal(PSEUDONYMS.apply(post.analysed().signal()));
    }

    @Test
    void coordinatedCampaignOfPseudonymisedAccountsIsStillDetected() throws Exception {
        List<Posts> posts = new ArrayList<>(CoordinatedAccountsTest.campaign(CoordinatedAccountsTest.CLAIM, 5, 10, 0));
        // the same five accounts again, with other spellings of their handles: still five accounts
        for (int i = 0; i < 5; i++) {
            posts.add(Posts.post("again-" + i)
                    .by("@ACCT" + i)
                    .at(Posts.minutes(2 + i * 10))
                    .text(CoordinatedAccountsTest.CLAIM));
        }
        DetectorRun<CoordinationState> run = new DetectorRun<>(
                CoordinatedAccounts.coSimilarText(CoordinatedAccountsTest.SETTINGS),
                CoordinatedAccountsTest.OUT_OF_ORDERNESS);
        posts.forEach(p ->
                CoordinatedAccountsTest.KEYS.coSimilarText(pseudonymised(p)).ifPresent(run::feed));
        Map<String, Incident> incidents = run.finish().latest();

        assertThat(incidents).hasSize(1);
        Incident incident = incidents.values().iterator().next();
        assertThat(incident.kind()).isEqualTo(IncidentKind.CO_SIMILAR_TEXT);
        assertThat(incident.accountCount()).isEqualTo(5);
        assertThat(incident.signalCount()).isEqualTo(10);
        assertThat(incident.evidence().accounts())
                .hasSize(5)
                .allSatisfy(a -> assertThat(a).contains("anon-"));
        String json = Json.mapper().writeValueAsString(incident);
        for (int i = 0; i < 5; i++) {
            assertThat(json).doesNotContainIgnoringCase("acct" + i);
        }
    }
}

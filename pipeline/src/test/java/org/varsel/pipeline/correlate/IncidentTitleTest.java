package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;

class IncidentTitleTest {
    static final SingleSignals DETECTOR = SingleSignals.from(CorrelationSettings.defaults());

    @Test
    void aPartnerAssessmentIsTitledByItsHarmTargetAndAHandleFreeQuoteNotByTheDetector() {
        Incident incident = DETECTOR.incident(post(1).source("partner:ngo-a")
                        .labelled("incitement", 90, "journalists")
                        .text(
                                "@editor_dk the journalists at the harbour paper deserve a visit tonight https://t.co/x1 #payback")
                        .analysed())
                .orElseThrow();
        assertThat(incident.title())
                .isEqualTo(
                        "Incitement to violence or crime against journalists: \"the journalists at the harbour paper deserve a visit tonight #payback\"")
                .doesNotContain("Partner assessment", "partner:ngo-a", "@editor_dk", "https://");
    }

    @Test
    void aGravePostNamesItsRuleCategoryInWordsAndCutsLongTextAtAWord() {
        Incident incident = DETECTOR.incident(post(2).rule("threat-1", 5, "threat")
                        .text(
                                "We know where the councillor lives and we will come for him and his family on Saturday after the market closes")
                        .analysed())
                .orElseThrow();
        assertThat(incident.title())
                .isEqualTo(
                        "Threat of violence: \"We know where the councillor lives and we will come for him and his…\"");
        Incident hateful = DETECTOR.incident(post(3).classified("hateful", 0.95)
                        .text("@someone https://x.example/a")
                        .analysed())
                .orElseThrow();
        assertThat(hateful.title())
                .as("no empty quote when nothing is left of the text")
                .isEqualTo("Hate speech");
    }

    @Test
    void aCampaignDraftSaysWhatItPushesAndHowManyAccounts() {
        IncidentDraft draft =
                IncidentDraft.open(org.varsel.contract.IncidentKind.HASHTAG_PUSH, "inc-1", "StopTheCount", 5, 60_000);
        for (int i = 0; i < 12; i++) {
            draft.add(post(i).by("acct" + i)
                    .rule("r-" + i, 2, "disinformation")
                    .hashtag("StopTheCount")
                    .analysed());
        }
        assertThat(IncidentTitle.of(draft, List.of())).isEqualTo("Disinformation: #StopTheCount pushed by 12 accounts");
        IncidentDraft surge =
                IncidentDraft.open(org.varsel.contract.IncidentKind.SURGE, "inc-2", "target:roma", 5, 60_000);
        surge.add(post(99).analysed());
        assertThat(IncidentTitle.of(surge, List.of())).isEqualTo("Surge of harm against roma (1 accounts)");
    }
}

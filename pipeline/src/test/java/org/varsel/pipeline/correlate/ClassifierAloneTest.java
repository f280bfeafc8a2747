package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.post;

import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;

/**
 * The classifier's score alone puts a signal in the high tier only when the text names a target and an attack on it
 * (docs/incidents.md, "High-severity signal"); otherwise the signal still reaches the queue, in tier medium.
 */
class ClassifierAloneTest {
    static final SingleSignals DETECTOR = SingleSignals.from(CorrelationSettings.defaults());

    @Test
    void aPoliticalPostThatNamesAGroupWithAHighScoreReachesTheQueueBelowTheHighTier() {
        Incident incident = DETECTOR.highSeverity(
                        post(1).text("Muslims and Christians in our town voted for the mayor again, what a weak and"
                                        + " corrupt administration")
                                .classified("hateful", 0.95)
                                .analysed())
                .orElseThrow();
        assertThat(incident.kind()).isEqualTo(IncidentKind.HIGH_SEVERITY);
        assertThat(incident.severity()).isEqualTo(ClassifierAlone.LOWERED_SEVERITY);
        assertThat(incident.tier()).isEqualTo(Tier.MEDIUM);
        assertThat(incident.explanation())
                .contains("classifier hateful score 0.95", "Lowered to severity 69, tier medium", "names no target");
    }

    @Test
    void aThreatToAGroupWithAHighScoreStillOpensAHighTierIncidentAlone() {
        Incident incident = DETECTOR.highSeverity(post(1).text("We are going to shoot every one of the migrants.")
                        .threatening(0.55, 0.40)
                        .analysed())
                .orElseThrow();
        assertThat(incident.severity()).isEqualTo(95);
        assertThat(incident.tier()).isEqualTo(Tier.HIGH);
        assertThat(incident.explanation()).doesNotContain("Lowered");
    }

    @Test
    void aNationalityIsNoGroupTargetForTheHighTierButAGroupThatIsAlsoAPeopleIs() {
        // the English nationalities moved from PersonNameFilter's code into the pack's `nationality` lexicon, whose
        // entries name no group: the score alone still needs a group, a slur or the reader beside the violence
        assertThat(tierOfAThreatScoredAlone("We are going to shoot every one of the Swedes."))
                .isEqualTo(Tier.MEDIUM);
        assertThat(tierOfAThreatScoredAlone("We are going to shoot every one of the Somalis."))
                .isEqualTo(Tier.HIGH);
    }

    private static Tier tierOfAThreatScoredAlone(String text) {
        return DETECTOR.highSeverity(post(1).text(text).threatening(0.55, 0.40).analysed())
                .orElseThrow()
                .tier();
    }

    @Test
    void aThreatToTheReaderAndDehumanisationOfAGroupStillOpenHighTierIncidentsAlone() {
        Incident reader = DETECTOR.highSeverity(post(1).text("I will find you and kill you.")
                        .threatening(0.5, 0.45)
                        .analysed())
                .orElseThrow();
        assertThat(reader.tier()).isEqualTo(Tier.HIGH);
        Incident vermin = DETECTOR.highSeverity(post(2).text("Refugees are vermin.")
                        .classified("hateful", 0.92)
                        .analysed())
                .orElseThrow();
        assertThat(vermin.tier()).isEqualTo(Tier.HIGH);
    }

    @Test
    void aGroupOrTheReaderNamedFarFromTheViolenceIsNoTargetOfIt() {
        // a target and an attack in different breaths of one post: a political post or an anecdote, not an attack
        assertThat(tierOfAThreatScoredAlone("The Somalis opened a bakery on our high street this spring, and the owner"
                        + " says the early hours are killing him."))
                .isEqualTo(Tier.MEDIUM);
        assertThat(tierOfAThreatScoredAlone("You know what we did with the kids this weekend? We watched an old"
                        + " western where the sheriff gets shot."))
                .isEqualTo(Tier.MEDIUM);
        assertThat(tierOfAThreatScoredAlone("The Somalis on our high street should all be shot."))
                .isEqualTo(Tier.HIGH);
    }

    @Test
    void aTextThatCondemnsViolenceAgainstAGroupStaysBelowTheHighTierOnTheScoreAlone() {
        Incident incident = DETECTOR.highSeverity(post(1).text("We condemn those who want to shoot migrants.")
                        .classified("hateful", 0.93)
                        .analysed())
                .orElseThrow();
        assertThat(incident.tier()).isEqualTo(Tier.MEDIUM);
        assertThat(incident.explanation()).contains("reports or condemns");
    }

    @Test
    void aRuleOrAPartnersConfidentAssessmentBesideTheScoreKeepsTheHighTier() {
        String untargeted = "What a weak and corrupt administration";
        assertThat(DETECTOR.highSeverity(post(1).text(untargeted)
                                .classified("hateful", 0.95)
                                .rule("dehum-1", 4, "dehumanisation")
                                .analysed())
                        .orElseThrow()
                        .tier())
                .isEqualTo(Tier.HIGH);
        assertThat(DETECTOR.incident(post(2).text(untargeted)
                                .classified("hateful", 0.95)
                                .source("partner:ngo-a")
                                .labelled("incitement", 85)
                                .analysed())
                        .orElseThrow()
                        .tier())
                .isEqualTo(Tier.HIGH);
    }
}

package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.post;

import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RuleMatch;
import org.varsel.pipeline.harm.HarmReading;

/** Severity and tier follow the harm: a threat opens an incident, what it names makes it a threat to life. */
class TierFollowsHarmTest {
    static final SingleSignals DETECTOR = SingleSignals.from(CorrelationSettings.defaults());

    @Test
    void aCallToViolenceThatNamesAPlaceOrATimeIsAThreatToLife() {
        Incident place = DETECTOR.highSeverity(
                        post(1).rule("call-at-place", 5, "incitement", "hallmark:threat", "tcap:place")
                                .analysed())
                .orElseThrow();
        assertThat(place.tier()).isEqualTo(Tier.THREAT_TO_LIFE);
        assertThat(place.explanation())
                .contains("Tier threat-to-life: a threat or call to violence (call-at-place) names a place");

        Incident both = DETECTOR.highSeverity(post(2).rule("call-to-kill", 5, "incitement", "topic:call-to-violence")
                        .rule("call-at-time", 5, "incitement", "hallmark:threat", "tcap:time")
                        .rule("call-with-weapons", 5, "incitement", "hallmark:threat", "tcap:means")
                        .analysed())
                .orElseThrow();
        assertThat(both.tier()).isEqualTo(Tier.THREAT_TO_LIFE);
        assertThat(both.explanation()).contains("names a time, a means");
    }

    @Test
    void aThreatThatNamesNothingOpensAnIncidentByItselfInTierHighWhateverItsRuleSeverity() {
        Incident incident = DETECTOR.highSeverity(
                        post(1).rule("veiled", 2, "incitement").analysed())
                .orElseThrow();
        assertThat(incident.kind()).isEqualTo(IncidentKind.HIGH_SEVERITY);
        assertThat(incident.severity()).isEqualTo(40);
        assertThat(incident.tier()).isEqualTo(Tier.HIGH);
        assertThat(incident.explanation())
                .contains(
                        "rule veiled \"rule veiled\" is a threat or call to violence",
                        "Tier high: a threat or call to violence (veiled) is at least high; it names no time, place or means");
    }

    @Test
    void dehumanisationOfAGroupOpensAnIncidentInTierHighAtLeast() {
        Incident incident = DETECTOR.highSeverity(post(1).text("Refugees are vermin.")
                        .rule("vermin", 3, "dangerous-speech", "hallmark:dehumanisation")
                        .analysed())
                .orElseThrow();
        assertThat(incident.severity()).isEqualTo(60);
        assertThat(incident.tier()).isEqualTo(Tier.HIGH);
        assertThat(incident.explanation())
                .contains("dehumanises a group", "dehumanisation of a group (vermin) is at least high");
    }

    @Test
    void aWeakDehumanisingRuleAloneOpensAnIncidentInTierMediumWhenTheTextNamesNoTargetWithAnAttack() {
        Incident untargeted = DETECTOR.highSeverity(post(1).text("Liberals won't accept that they're trash.")
                        .rule("they-are-dehumanised", 3, "dangerous-speech", "hallmark:dehumanisation")
                        .analysed())
                .orElseThrow();
        assertThat(untargeted.kind()).isEqualTo(IncidentKind.HIGH_SEVERITY);
        assertThat(untargeted.severity()).isEqualTo(60);
        assertThat(untargeted.tier()).isEqualTo(Tier.MEDIUM);
        assertThat(untargeted.explanation())
                .contains("Lowered to severity 60, tier medium: rule they-are-dehumanised alone", "names no target");

        Incident reported = DETECTOR.highSeverity(
                        post(2).text("The candidate said migrants are rapists, and his rivals called it a disgrace.")
                                .rule("derogation", 3, "dangerous-speech", "hallmark:dehumanisation")
                                .analysed())
                .orElseThrow();
        assertThat(reported.tier()).isEqualTo(Tier.MEDIUM);
    }

    @Test
    void aWeakDehumanisingRuleKeepsTheHighTierBesideAStrongRuleOrTheClassifiersScore() {
        String untargeted = "Liberals won't accept that they're trash.";
        assertThat(DETECTOR.highSeverity(post(1).text(untargeted)
                                .rule("they-are-dehumanised", 3, "dangerous-speech", "hallmark:dehumanisation")
                                .classified("hateful", 0.93)
                                .analysed())
                        .orElseThrow()
                        .tier())
                .isEqualTo(Tier.HIGH);
        assertThat(DETECTOR.highSeverity(post(2).text(untargeted)
                                .rule("they-are-dehumanised", 3, "dangerous-speech", "hallmark:dehumanisation")
                                .rule("normative-threat", 5, "incitement")
                                .analysed())
                        .orElseThrow()
                        .tier())
                .isEqualTo(Tier.HIGH);
    }

    @Test
    void hallmarksAndTcapTagsOfTheMatchedRulesTravelIntoTheIncident() {
        Incident incident = DETECTOR.highSeverity(post(1).rule(
                                "call-at-place",
                                5,
                                "incitement",
                                "hallmark:threat",
                                "tcap:place",
                                "topic:call-to-violence")
                        .rule("vermin", 4, "dangerous-speech", "hallmark:dehumanisation")
                        .rule("attack", 5, "terrorist-content", "tcap:threat-to-life")
                        .analysed())
                .orElseThrow();
        assertThat(incident.hallmarks()).containsExactly("threat", "dehumanisation");
        assertThat(incident.tcap()).containsExactly("place", "threat-to-life");
    }

    @Test
    void counterSpeechQuotingACallToViolenceOpensNoIncidentAndCannotRaiseACampaignsTier() {
        Posts quoting = post(1).rule("call-at-place", 5, "incitement", "hallmark:threat", "tcap:place")
                .rule("condemns", 1, RuleMatch.CONTEXT_CATEGORY, "topic:counter-speech");
        assertThat(DETECTOR.highSeverity(quoting.analysed())).isEmpty();

        IncidentDraft campaign = IncidentDraft.open(IncidentKind.CO_SIMILAR_TEXT, "inc-c", "text", 5, 600_000);
        campaign.add(quoting.analysed());
        Incident incident = campaign.emit(0);
        assertThat(incident.severity()).isEqualTo(70); // content 60 + 10 for a campaign spreading it
        assertThat(incident.tier()).isEqualTo(Tier.HIGH);
        assertThat(incident.categories()).containsExactly("incitement");
        assertThat(incident.explanation())
                .contains(
                        "rules 20×3=60",
                        "(high ≥ 70, medium ≥ 40)",
                        "rule call-at-place is read as quoted, not meant (counter-speech or reported speech), so it counts at most "
                                + "severity 3 and sets no tier");
        assertThat(incident.ruleHits())
                .extracting(Incident.RuleHitSummary::ruleId)
                .contains("condemns");

        // a post that means it, in the same campaign, still counts in full
        campaign.add(post(2).rule("call-at-place", 5, "incitement", "hallmark:threat", "tcap:place")
                .analysed());
        assertThat(campaign.emit(1).tier()).isEqualTo(Tier.THREAT_TO_LIFE);
    }

    @Test
    void aMatchTheRulesMarkAsReportedSpeechSetsNoTierWithoutAContextRuleToo() {
        AnalysedSignal plain = post(1).rule("call-at-time", 5, "incitement", "hallmark:threat", "tcap:time")
                .analysed();
        AnalysedSignal reported = plain.withRuleMatches(
                plain.ruleMatches().stream().map(RuleMatch::quoted).toList());
        assertThat(DETECTOR.highSeverity(reported)).isEmpty();
        assertThat(HarmReading.of(reported.ruleMatches()).floor()).isEmpty();
        assertThat(HarmReading.of(reported.ruleMatches()).effectiveRuleSeverity())
                .isEqualTo(3);
        assertThat(HarmReading.of(reported.ruleMatches()).tcap()).containsExactly("time");
    }

    @Test
    void aContextRuleIsNoSurgeKey() {
        CorrelationKeys keys = new CorrelationKeys(CorrelationSettings.defaults());
        assertThat(keys.surge(post(1).rule("condemns", 1, RuleMatch.CONTEXT_CATEGORY, "topic:counter-speech")
                        .rule("kill", 5, "incitement")
                        .analysed()))
                .extracting(KeyedSignal::key)
                .containsExactly("category:incitement");
    }
}

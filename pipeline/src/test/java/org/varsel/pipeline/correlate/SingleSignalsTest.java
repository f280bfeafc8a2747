package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;

class SingleSignalsTest {
    static final SingleSignals DETECTOR = SingleSignals.from(CorrelationSettings.defaults());

    @Test
    void aRuleOfSeverityFourOrMoreOrAVeryHatefulTextIsItsOwnIncident() {
        List<Posts> posts = List.of(
                post(1).rule("threat-1", 5, "incitement", "topic:call-to-violence"),
                post(2).rule("dehum-1", 4, "dehumanisation"),
                post(3).rule("mild-1", 3, "dehumanisation"),
                // the score alone reaches the high tier when the text names a target and an attack
                // (ClassifierAloneTest)
                post(4).text("The migrants are vermin.").classified("hateful", 0.93),
                post(5).classified("hateful", 0.89),
                post(6));
        List<Incident> incidents = posts.stream()
                .map(p -> DETECTOR.highSeverity(p.analysed()))
                .flatMap(Optional::stream)
                .toList();
        assertThat(incidents).hasSize(3).allSatisfy(i -> {
            assertThat(i.kind()).isEqualTo(IncidentKind.HIGH_SEVERITY);
            assertThat(i.version()).isEqualTo(1);
            assertThat(i.signalCount()).isEqualTo(1);
        });
        assertThat(incidents.get(0).severity()).isEqualTo(100);
        assertThat(incidents.get(0).explanation()).contains("rule threat-1", "severity 5 (≥ 4)");
        assertThat(incidents.get(2).explanation()).contains("classifier hateful score 0.93 (≥ 0.90)");
        assertThat(incidents.get(2).severity()).isEqualTo(93);
    }

    @Test
    void aSlurAloneIsReadWithTheRestOfTheStreamNotQueuedOnItsOwn() {
        // the library's slur rules (severity 2) carry the dehumanisation hallmark for trends and surges; on its own a
        // slur
        // opened an incident per post: 737 of the IRA replay's 1,059 single-signal incidents (docs/incidents.md)
        assertThat(DETECTOR.highSeverity(post(1).rule("slur-1", 2, "dangerous-speech", "hallmark:dehumanisation")
                        .analysed()))
                .isEmpty();
        Incident dehumanised = DETECTOR.highSeverity(
                        post(2).rule("they-are-vermin", 3, "dangerous-speech", "hallmark:dehumanisation")
                                .analysed())
                .orElseThrow();
        assertThat(dehumanised.explanation()).contains("dehumanises a group");
    }

    @Test
    void aThreatIsScoredByItsHatefulAndThreatScoresTogether() {
        Incident incident = DETECTOR.highSeverity(post(1).text("We will shoot the migrants.")
                        .threatening(0.70, 0.25)
                        .analysed())
                .orElseThrow();
        assertThat(incident.explanation()).contains("classifier hateful + threat score 0.95 (≥ 0.90)");
        assertThat(incident.severity()).isEqualTo(95);
        assertThat(incident.categories()).contains("threat");
        assertThat(DETECTOR.highSeverity(post(2).threatening(0.60, 0.20).analysed()))
                .isEmpty();
    }

    @Test
    void aPostThatQuotesOrCondemnsAThreatOpensNothingOnTheClassifierScoreAlone() {
        // "Someone told my friend all migrants deserve a bullet. This is what hate looks like." scores as a threat
        assertThat(DETECTOR.highSeverity(post(1).threatening(0.80, 0.15)
                        .reportedRule("normative-1", 5, "incitement")
                        .analysed()))
                .isEmpty();
        assertThat(DETECTOR.highSeverity(post(2).threatening(0.80, 0.15)
                        .rule("counter-1", 1, "context")
                        .analysed()))
                .isEmpty();
        assertThat(DETECTOR.highSeverity(post(3).threatening(0.80, 0.15).analysed()))
                .isPresent();
    }

    @Test
    void aCallToViolenceTheTextReportsOpensAnIncidentOfReportedIncitementInTierMedium() {
        // "Leaflets calling for killing all who insult Islam handed out in a mosque": a report of incitement is
        // worth an analyst's look, but it is not the author's threat to life
        Incident reported = DETECTOR.highSeverity(post(1).threatening(0.80, 0.15)
                        .rule("ctx-report", 1, "context", "topic:reported-speech")
                        .reportedRule("call-1", 5, "incitement", "tcap:place")
                        .analysed())
                .orElseThrow();
        assertThat(reported.tier()).isEqualTo(Tier.MEDIUM);
        assertThat(reported.severity()).isLessThanOrEqualTo(69);
        assertThat(reported.explanation()).contains("call-1", "a call to violence the text reports");
        // the same call in the author's own voice keeps the high tier or above
        Incident meant = DETECTOR.highSeverity(
                        post(2).rule("call-1", 5, "incitement", "tcap:place").analysed())
                .orElseThrow();
        assertThat(meant.tier()).isIn(Tier.HIGH, Tier.THREAT_TO_LIFE);
        // a call the text condemns, and a report of no call, open nothing
        assertThat(DETECTOR.highSeverity(post(3).rule("ctx-condemn", 1, "context", "topic:counter-speech")
                        .reportedRule("call-1", 5, "incitement")
                        .analysed()))
                .isEmpty();
        assertThat(DETECTOR.highSeverity(post(4).rule("ctx-report", 1, "context", "topic:reported-speech")
                        .reportedRule("insult-1", 3, "derogation")
                        .analysed()))
                .isEmpty();
        // a quotation the text condemns ("Someone wrote '... kill all the migrants' — this is the hate we must report
        // and condemn": quoted AND condemned) opens nothing either (ThreatToLifeEndToEndTest's counter-speech post)
        assertThat(DETECTOR.highSeverity(post(5).rule("ctx-report", 1, "context", "topic:reported-speech")
                        .rule("ctx-condemn", 1, "context", "topic:counter-speech")
                        .reportedRule("call-1", 5, "incitement")
                        .analysed()))
                .isEmpty();
    }

    @Test
    void aReportedCallIsReadTheSameWhateverOrderTheRulesMatchedIn() {
        // the report, the condemnation and two reported calls in every order: a condemnation anywhere opens nothing,
        // else the first reported call is the one named
        List<List<String>> orders = permutations(List.of("report", "condemn", "call-1", "call-2"));
        for (List<String> order : orders) {
            for (boolean condemned : List.of(true, false)) {
                Posts post = post(orders.indexOf(order) + 1).threatening(0.10, 0.05);
                for (String rule : order) {
                    post = switch (rule) {
                        case "report" -> post.rule("ctx-report", 1, "context", "topic:reported-speech");
                        case "condemn" ->
                            condemned ? post.rule("ctx-condemn", 1, "context", "topic:counter-speech") : post;
                        default -> post.reportedRule(rule, 5, "incitement", "tcap:place");
                    };
                }
                Optional<Incident> incident = DETECTOR.highSeverity(post.analysed());
                if (condemned) {
                    assertThat(incident).as("%s", order).isEmpty();
                } else {
                    String first = order.stream()
                            .filter(r -> r.startsWith("call"))
                            .findFirst()
                            .orElseThrow();
                    String second = first.equals("call-1") ? "call-2" : "call-1";
                    assertThat(incident.orElseThrow().explanation())
                            .as("%s", order)
                            .contains("rule " + first + " ", "a call to violence the text reports")
                            .doesNotContain("rule " + second + " ");
                }
            }
        }
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<String>> all = new ArrayList<>();
        for (String first : items) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<String> tail : permutations(rest)) {
                List<String> order = new ArrayList<>(List.of(first));
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    @Test
    void aSeverityFiveRuleTaggedThreatToLifePutsTheIncidentInTheThreatToLifeTier() {
        Incident incident = DETECTOR.highSeverity(post(1).rule("tvec-1", 5, "terrorist-content", "tcap:threat-to-life")
                        .analysed())
                .orElseThrow();
        assertThat(incident.tier()).isEqualTo(Tier.THREAT_TO_LIFE);
        assertThat(incident.explanation()).contains("Tier threat-to-life");
        Incident category = DETECTOR.highSeverity(
                        post(2).rule("t-2", 5, "threat").analysed())
                .orElseThrow();
        assertThat(category.tier()).isEqualTo(Tier.THREAT_TO_LIFE);
        Incident notFive = DETECTOR.highSeverity(
                        post(3).rule("t-3", 4, "threat", "tcap:threat-to-life").analysed())
                .orElseThrow();
        assertThat(notFive.tier()).isEqualTo(Tier.HIGH);
    }

    @Test
    void aPartnerAssessmentWithConfidenceOfEightyOrMoreReachesTheQueue() {
        Stream<Posts> posts = Stream.of(
                post(1).source("partner:ngo-a").labelled("incitement", 80, "journalists"),
                post(2).source("partner:ngo-a").labelled("incitement", 79),
                post(3).source("partner:ngo-a").labelled("incitement", null),
                post(4).source("partner:ngo-a"));
        List<Incident> incidents = posts.map(p -> DETECTOR.incident(p.analysed()))
                .flatMap(Optional::stream)
                .toList();
        assertThat(incidents).hasSize(1);
        Incident incident = incidents.get(0);
        assertThat(incident.kind()).isEqualTo(IncidentKind.PARTNER_ASSESSMENT);
        assertThat(incident.severity()).isEqualTo(80);
        assertThat(incident.tier()).isEqualTo(Tier.HIGH);
        assertThat(incident.targetGroups()).containsExactly("journalists");
        assertThat(incident.explanation())
                .contains("partner:ngo-a assessed this as incitement with confidence 80/100", "targets journalists");
    }

    @Test
    void aGravePostAPartnerAssessedIsOneHighSeverityIncidentWithBothReasons() {
        Incident incident = DETECTOR.incident(post(1).source("partner:ngo-a")
                        .labelled("incitement", 90, "migrants")
                        .rule("threat-1", 5, "incitement")
                        .analysed())
                .orElseThrow();
        assertThat(incident.kind()).isEqualTo(IncidentKind.HIGH_SEVERITY);
        assertThat(incident.explanation())
                .contains("rule threat-1", "partner:ngo-a assessed this as incitement with confidence 90/100")
                .doesNotContain("Highest partner confidence");
        assertThat(incident.evidence().coordination())
                .containsEntry("partner", "partner:ngo-a")
                .containsKey("trigger");
    }
}

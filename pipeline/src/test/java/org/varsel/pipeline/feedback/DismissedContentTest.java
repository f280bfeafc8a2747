package org.varsel.pipeline.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Feedback;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.correlate.ContentSketch;
import org.varsel.pipeline.settings.PipelineSettings;

class DismissedContentTest {
    private static final String VERMIN =
            "These migrants are nothing but vermin crawling into our towns and villages every night";
    private static final DismissedContent RULE =
            new DismissedContent(PipelineSettings.defaultSettings().correlation());

    /** The operator's two map states, as plain maps. */
    private final DismissedContent.Memory memory = new DismissedContent.Memory() {
        private final Map<String, ContentSketch[]> sketches = new HashMap<>();
        private final Map<String, DismissedContent.Dismissal> dismissals = new HashMap<>();

        @Override
        public Optional<ContentSketch[]> sketchesOf(String incidentId) {
            return Optional.ofNullable(sketches.get(incidentId));
        }

        @Override
        public void rememberSketches(String incidentId, ContentSketch[] value) {
            sketches.put(incidentId, value);
        }

        @Override
        public Optional<DismissedContent.Dismissal> dismissalOf(String contentKey) {
            return Optional.ofNullable(dismissals.get(contentKey));
        }

        @Override
        public void rememberDismissal(String contentKey, DismissedContent.Dismissal dismissal) {
            dismissals.put(contentKey, dismissal);
        }

        @Override
        public void forgetDismissal(String contentKey) {
            dismissals.remove(contentKey);
        }
    };

    @Test
    void aNearDuplicateOfADismissedIncidentIsMarkedAndUnrelatedContentIsNot() {
        assertThat(RULE.onIncident(memory, incident("inc-a", Tier.HIGH, VERMIN)).suppressedBy())
                .isNull();
        RULE.onFeedback(memory, verdict("inc-a", "dismissed"));

        assertThat(RULE.onIncident(memory, incident("inc-b", Tier.HIGH, VERMIN + " again"))
                        .suppressedBy())
                .isEqualTo("inc-a");
        assertThat(RULE.onIncident(
                                memory,
                                incident(
                                        "inc-c",
                                        Tier.HIGH,
                                        "Those refugees are a plague on the whole region and the council just watches"))
                        .suppressedBy())
                .isNull();
        assertThat(RULE.onIncident(memory, incident("inc-a", Tier.HIGH, VERMIN)).suppressedBy())
                .as("the dismissed incident's own next version")
                .isNull();
    }

    @Test
    void anIncidentThatAlsoCarriesNewContentIsNotARepeat() {
        RULE.onIncident(memory, incident("inc-a", Tier.HIGH, VERMIN));
        RULE.onFeedback(memory, verdict("inc-a", "dismissed"));
        assertThat(RULE.onIncident(
                                memory,
                                incident(
                                        "inc-b",
                                        Tier.HIGH,
                                        VERMIN,
                                        "Those refugees are a plague on the whole region and the council just watches"))
                        .suppressedBy())
                .isNull();
        assertThat(RULE.onIncident(memory, incident("inc-c", Tier.HIGH, VERMIN, "kill them"))
                        .suppressedBy())
                .as("a text too short to compare does not count")
                .isEqualTo("inc-a");
    }

    @Test
    void aThreatToLifeIsNeverSuppressed() {
        RULE.onIncident(memory, incident("inc-a", Tier.HIGH, VERMIN));
        RULE.onFeedback(memory, verdict("inc-a", "dismissed"));
        assertThat(RULE.onIncident(memory, incident("inc-t", Tier.THREAT_TO_LIFE, VERMIN))
                        .suppressedBy())
                .isNull();
    }

    @Test
    void confirmingTheDismissedIncidentLiftsTheSuppressionAndAVerdictOnAnUnknownIncidentChangesNothing() {
        RULE.onIncident(memory, incident("inc-a", Tier.HIGH, VERMIN));
        RULE.onFeedback(memory, verdict("inc-gone", "dismissed"));
        assertThat(RULE.onIncident(memory, incident("inc-b", Tier.HIGH, VERMIN)).suppressedBy())
                .isNull();

        RULE.onFeedback(memory, verdict("inc-a", "dismissed"));
        RULE.onFeedback(memory, verdict("inc-a", "confirmed"));
        assertThat(RULE.onIncident(memory, incident("inc-c", Tier.HIGH, VERMIN)).suppressedBy())
                .isNull();
    }

    @Test
    void textsTooShortToCompareSuppressNothing() {
        RULE.onIncident(memory, incident("inc-a", Tier.HIGH, "kill them"));
        RULE.onFeedback(memory, verdict("inc-a", "dismissed"));
        assertThat(RULE.onIncident(memory, incident("inc-b", Tier.HIGH, "kill them"))
                        .suppressedBy())
                .isNull();
    }

    private static Feedback verdict(String incidentId, String verdict) {
        return new Feedback(
                Feedback.SCHEMA,
                UUID.randomUUID().toString(),
                incidentId,
                1,
                verdict,
                "test",
                List.of("r-vermin"),
                null,
                List.of(),
                "ana",
                Instant.now());
    }

    private static Incident incident(String id, Tier tier, String... texts) {
        Instant at = Instant.parse("2026-12-04T20:00:00Z");
        List<Incident.EvidenceSignal> signals = new ArrayList<>();
        for (String text : texts) {
            signals.add(new Incident.EvidenceSignal(
                    "sig-" + id + "-" + signals.size(),
                    "partner:ngo-a",
                    "x-" + id,
                    at,
                    null,
                    "x",
                    "@a",
                    text,
                    "en",
                    Tlp.AMBER,
                    "dangerous-speech",
                    List.of("r-vermin"),
                    List.of(),
                    Map.of()));
        }
        return Incident.builder()
                .id(id)
                .kind(IncidentKind.HIGH_SEVERITY)
                .title("t")
                .firstSeen(at)
                .lastSeen(at)
                .updatedAt(at)
                .signalCount(1)
                .accountCount(1)
                .sources(List.of("partner:ngo-a"))
                .platforms(List.of("x"))
                .languages(List.of("en"))
                .categories(List.of("dangerous-speech"))
                .evidence(new Incident.Evidence(signals, List.of(), List.of(), Map.of()))
                .severity(80)
                .tier(tier)
                .tlp(Tlp.AMBER)
                .explanation("why")
                .build();
    }
}

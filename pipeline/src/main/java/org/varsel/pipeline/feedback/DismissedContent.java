package org.varsel.pipeline.feedback;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.varsel.contract.Feedback;
import org.varsel.contract.Incident;
import org.varsel.contract.Tier;
import org.varsel.pipeline.correlate.ContentSketch;
import org.varsel.pipeline.correlate.CorrelationKeys;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.MinHash;

/**
 * Dismissed near-duplicates do not alert again: every incident's evidence texts are sketched as the co-similar text
 * detector sketches a signal (MinHash content key and signature, {@link CorrelationKeys#sketch}); when an analyst
 * dismisses an incident its sketches are remembered, and a later incident each of whose texts has the content key of a
 * dismissed text and a similarity of at least the co-similar threshold with it is marked {@code suppressed_by} the
 * (first) dismissed one. A confirmation of the dismissed incident lifts it. Threat-to-life incidents
 * are never suppressed: a false alarm costs an analyst a minute, a missed threat costs more.
 */
public final class DismissedContent implements java.io.Serializable {
    /** At most this many evidence texts of an incident are remembered: near-duplicates cluster, memory should not. */
    static final int SKETCHES_PER_INCIDENT = 10;

    /** What the rule keeps, behind its state (Flink map states in the job, maps in tests). */
    public interface Memory {
        Optional<ContentSketch[]> sketchesOf(String incidentId);

        void rememberSketches(String incidentId, ContentSketch[] sketches);

        Optional<Dismissal> dismissalOf(String contentKey);

        void rememberDismissal(String contentKey, Dismissal dismissal);

        void forgetDismissal(String contentKey);
    }

    /** A dismissed incident's text under one content key. */
    public record Dismissal(String incidentId, long[] signature) {}

    private final CorrelationKeys keys;
    private final MinHash minHash;
    private final double threshold;

    public DismissedContent(CorrelationSettings correlation) {
        this.keys = new CorrelationKeys(correlation);
        this.minHash = new MinHash(correlation.coSimilarHashes());
        this.threshold = correlation.coSimilarJaccard();
    }

    /** The incident as it goes on: marked when its content matches a dismissed incident's. */
    public Incident onIncident(Memory memory, Incident incident) {
        ContentSketch[] sketches = sketches(incident);
        if (sketches.length > 0) {
            memory.rememberSketches(incident.id(), sketches);
        }
        if (incident.tier() == Tier.THREAT_TO_LIFE || sketches.length == 0) {
            return incident;
        }
        // every text must repeat dismissed content: a campaign that also spreads something new is not a repeat
        Optional<Dismissal> first = Optional.empty();
        for (ContentSketch sketch : sketches) {
            Optional<Dismissal> dismissal = memory.dismissalOf(sketch.key())
                    .filter(d -> !d.incidentId().equals(incident.id()))
                    .filter(d -> minHash.similarity(d.signature(), sketch.signature()) >= threshold);
            if (dismissal.isEmpty()) {
                return incident;
            }
            first = first.or(() -> dismissal);
        }
        return incident.withSuppressedBy(first.orElseThrow().incidentId());
    }

    public void onFeedback(Memory memory, Feedback feedback) {
        Optional<ContentSketch[]> sketches = memory.sketchesOf(feedback.incidentId());
        if (sketches.isEmpty()) {
            return; // an incident older than the suppression TTL, or one without comparable text
        }
        for (ContentSketch sketch : sketches.get()) {
            if ("dismissed".equals(feedback.verdict())) {
                memory.rememberDismissal(sketch.key(), new Dismissal(feedback.incidentId(), sketch.signature()));
            } else if (memory.dismissalOf(sketch.key())
                    .filter(d -> d.incidentId().equals(feedback.incidentId()))
                    .isPresent()) {
                memory.forgetDismissal(sketch.key());
            }
        }
    }

    private ContentSketch[] sketches(Incident incident) {
        Set<String> seen = new LinkedHashSet<>();
        List<ContentSketch> sketches = new ArrayList<>();
        for (Incident.EvidenceSignal signal : incident.evidence().signals()) {
            if (sketches.size() == SKETCHES_PER_INCIDENT) {
                break;
            }
            keys.sketch(signal.text()).filter(sketch -> seen.add(sketch.key())).ifPresent(sketches::add);
        }
        return sketches.toArray(ContentSketch[]::new);
    }
}

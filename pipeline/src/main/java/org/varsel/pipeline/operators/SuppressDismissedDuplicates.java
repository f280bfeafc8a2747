package org.varsel.pipeline.operators;

import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.varsel.contract.Feedback;
import org.varsel.contract.Incident;
import org.varsel.pipeline.correlate.ContentSketch;
import org.varsel.pipeline.feedback.DismissedContent;

/**
 * Runs {@link DismissedContent} over every incident on its way out and every verdict, under one key: incidents are few
 * (a campaign stands for its findings) and a dismissal must meet every later incident, whatever its detector. Two map
 * states, both with the suppression TTL: the sketches of recent incidents (for a dismissal to find) and the dismissed
 * content keys.
 */
public final class SuppressDismissedDuplicates extends KeyedCoProcessFunction<String, Incident, Feedback, Incident> {
    /** The one key incidents and verdicts meet under. */
    public static final String KEY = "dismissed-content";

    private final DismissedContent dismissedContent;
    private final Duration ttl;
    private transient DismissedContent.Memory memory;

    public SuppressDismissedDuplicates(DismissedContent dismissedContent, Duration ttl) {
        this.dismissedContent = dismissedContent;
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
        MapState<String, ContentSketch[]> sketches = getRuntimeContext()
                .getMapState(KeyedAccess.expiringWithoutCleanupOnAccess(
                        new MapStateDescriptor<>(
                                "incident-sketches",
                                Types.STRING,
                                Types.OBJECT_ARRAY(TypeInformation.of(ContentSketch.class))),
                        ttl));
        MapState<String, DismissedContent.Dismissal> dismissals = getRuntimeContext()
                .getMapState(KeyedAccess.expiringWithoutCleanupOnAccess(
                        new MapStateDescriptor<>(
                                "dismissed-content",
                                Types.STRING,
                                TypeInformation.of(DismissedContent.Dismissal.class)),
                        ttl));
        memory = new DismissedContent.Memory() {
            @Override
            public Optional<ContentSketch[]> sketchesOf(String incidentId) {
                return Optional.ofNullable(KeyedAccess.call(() -> sketches.get(incidentId)));
            }

            @Override
            public void rememberSketches(String incidentId, ContentSketch[] value) {
                KeyedAccess.run(() -> sketches.put(incidentId, value));
            }

            @Override
            public Optional<DismissedContent.Dismissal> dismissalOf(String contentKey) {
                return Optional.ofNullable(KeyedAccess.call(() -> dismissals.get(contentKey)));
            }

            @Override
            public void rememberDismissal(String contentKey, DismissedContent.Dismissal dismissal) {
                KeyedAccess.run(() -> dismissals.put(contentKey, dismissal));
            }

            @Override
            public void forgetDismissal(String contentKey) {
                KeyedAccess.run(() -> dismissals.remove(contentKey));
            }
        };
    }

    @Override
    public void processElement1(Incident incident, Context context, Collector<Incident> out) {
        out.collect(dismissedContent.onIncident(memory, incident));
    }

    @Override
    public void processElement2(Feedback feedback, Context context, Collector<Incident> out) {
        dismissedContent.onFeedback(memory, feedback);
    }
}

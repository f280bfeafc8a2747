package org.varsel.pipeline.correlate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varsel.contract.Incident;

/** A {@link DetectorReplay} that keeps what it emitted, for assertions. */
final class DetectorRun<S> {
    final List<Incident> emitted = new ArrayList<>();
    final Map<String, MemoryKeyState<S>> states;
    private final DetectorReplay<S> replay;

    DetectorRun(Detector<S> detector, Duration outOfOrderness) {
        replay = new DetectorReplay<>(detector, outOfOrderness, update -> emitted.add(update.incident()));
        states = replay.states();
    }

    DetectorRun<S> feed(List<KeyedSignal> inputs) {
        inputs.forEach(replay::feed);
        return this;
    }

    DetectorRun<S> feed(KeyedSignal input) {
        replay.feed(input);
        return this;
    }

    DetectorRun<S> finish() {
        replay.finish();
        return this;
    }

    /** The latest version of every incident, by id. */
    Map<String, Incident> latest() {
        Map<String, Incident> latest = new LinkedHashMap<>();
        for (Incident incident : emitted) {
            latest.merge(incident.id(), incident, (a, b) -> b.version() > a.version() ? b : a);
        }
        return latest;
    }
}

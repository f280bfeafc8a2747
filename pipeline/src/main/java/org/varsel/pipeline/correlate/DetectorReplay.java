package org.varsel.pipeline.correlate;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a detector in memory the way its Flink operator does, for tests and benchmarks: state per key, a watermark
 * trailing the highest event time by the out-of-orderness bound, event-time timers fired in time order, and the end
 * of input (watermark at +∞) on {@link #finish}.
 */
public final class DetectorReplay<S> {
    private final Detector<S> detector;
    private final long outOfOrderness;
    private final Consumer<FindingUpdate> sink;
    private final Map<String, MemoryKeyState<S>> states = new HashMap<>();
    private final TreeMap<Long, LinkedHashSet<String>> timers = new TreeMap<>();
    private long maxSeen = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    private long firing = Long.MIN_VALUE;

    public DetectorReplay(Detector<S> detector, Duration outOfOrderness, Consumer<FindingUpdate> sink) {
        this.detector = detector;
        this.outOfOrderness = outOfOrderness.toMillis();
        this.sink = sink;
    }

    public void feed(KeyedSignal input) {
        maxSeen = Math.max(maxSeen, input.at());
        advance(maxSeen - outOfOrderness - 1);
        MemoryKeyState<S> state = stateOf(input.key());
        detector.onSignal(state, input, watermark, updates(input.key()));
        forgetIfEmpty(input.key(), state);
    }

    /** The end of input: event time runs to its end, every timer fires. */
    public void finish() {
        advance(Long.MAX_VALUE);
    }

    /** The state of every key that has some. */
    public Map<String, MemoryKeyState<S>> states() {
        return states;
    }

    public int timerCount() {
        return timers.values().stream().mapToInt(LinkedHashSet::size).sum();
    }

    private void advance(long to) {
        if (to <= watermark) {
            return;
        }
        watermark = to;
        while (!timers.isEmpty() && timers.firstKey() <= watermark) {
            Map.Entry<Long, LinkedHashSet<String>> due = timers.pollFirstEntry();
            firing = due.getKey();
            for (String key : due.getValue()) {
                MemoryKeyState<S> state = stateOf(key);
                detector.onTimer(state, key, due.getKey(), updates(key));
                forgetIfEmpty(key, state);
            }
            firing = Long.MIN_VALUE;
        }
    }

    private MemoryKeyState<S> stateOf(String key) {
        return states.computeIfAbsent(key, k -> new MemoryKeyState<>());
    }

    private void forgetIfEmpty(String key, MemoryKeyState<S> state) {
        if (state.isEmpty()) {
            states.remove(key);
        }
    }

    private Updates updates(String key) {
        return new Updates() {
            @Override
            public void emit(FindingUpdate update) {
                sink.accept(update);
            }

            @Override
            public void wakeAt(long eventTime) {
                if (firing != Long.MIN_VALUE && eventTime <= firing) {
                    throw new IllegalStateException(
                            "a timer at " + firing + " asked to wake at " + eventTime + ": it would fire forever");
                }
                timers.computeIfAbsent(eventTime, t -> new LinkedHashSet<>()).add(key);
            }
        };
    }
}

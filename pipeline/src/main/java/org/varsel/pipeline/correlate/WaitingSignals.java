package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;
import org.varsel.pipeline.analysis.AnalysedSignal;

/**
 * A key's waiting signals during one detector call: read from the {@link KeyState} at most once, changed in memory,
 * and written back by {@link #flush} only when something was taken or dropped.
 */
final class WaitingSignals {
    /** Waiting signals in event-time order, ties by id: the order an incident takes them in. */
    static final Comparator<AnalysedSignal> BY_TIME = Comparator.comparing(
                    (AnalysedSignal s) -> s.signal().observedAt())
            .thenComparing(s -> s.signal().id());

    private final KeyState<?> state;
    private List<Waiting> all;
    private boolean changed;

    WaitingSignals(KeyState<?> state) {
        this.state = state;
    }

    /** Removes and returns, in event-time order, the signals of the groups {@code groups} accepts. */
    List<AnalysedSignal> take(LongPredicate groups) {
        List<AnalysedSignal> taken = new ArrayList<>();
        List<Waiting> kept = new ArrayList<>();
        for (Waiting waiting : all()) {
            if (groups.test(waiting.group())) {
                taken.add(waiting.signal());
            } else {
                kept.add(waiting);
            }
        }
        if (!taken.isEmpty()) {
            all = kept;
            changed = true;
        }
        taken.sort(BY_TIME);
        return taken;
    }

    /** The signals of the groups {@code groups} accepts, in event-time order, left waiting. */
    List<AnalysedSignal> of(LongPredicate groups) {
        List<AnalysedSignal> found = new ArrayList<>();
        for (Waiting waiting : all()) {
            if (groups.test(waiting.group())) {
                found.add(waiting.signal());
            }
        }
        found.sort(BY_TIME);
        return found;
    }

    /** The earliest added of the group's signals still in the list, left waiting; null when it has none. */
    AnalysedSignal firstAdded(long group) {
        for (Waiting waiting : all()) {
            if (waiting.group() == group) {
                return waiting.signal();
            }
        }
        return null;
    }

    /** Puts a signal (back) in the waiting list. */
    void put(long group, AnalysedSignal signal) {
        all().add(new Waiting(group, signal));
        changed = true;
    }

    /** Forgets the signals of the groups {@code groups} accepts. */
    void drop(LongPredicate groups) {
        take(groups);
    }

    /** Writes the waiting signals back if they changed. */
    void flush() {
        if (changed) {
            state.setWaiting(all);
            changed = false;
        }
    }

    private List<Waiting> all() {
        if (all == null) {
            all = new ArrayList<>(state.waiting());
        }
        return all;
    }
}

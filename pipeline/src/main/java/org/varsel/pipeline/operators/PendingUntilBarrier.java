package org.varsel.pipeline.operators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.streaming.api.operators.KeyContext;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * Consolidation's finding updates that wait for the watermark, kept in operator memory and written to their map state
 * only when a checkpoint barrier comes while they still wait (the mini-batch technique of {@link HeadsUntilBarrier}):
 * most updates are released within a watermark or two, so they never reach the state, where each cost a put, a get
 * (on RocksDB a deserialised incident) and a remove. Without a key context (a plain keyed process operator) every
 * update is written at once, as before.
 *
 * <p>Exactly once on both backends: the snapshot of a barrier holds every update waiting at it, and the written updates
 * are let go at the barrier (they are never changed, only read when released). The keys of every waiting update, in
 * order, are kept in memory too (read back from the state after a start or restore), so a timer takes the due ones
 * without walking the state.
 */
final class PendingUntilBarrier {
    /** Updates held at most between two barriers (each a finding's incident, a few KB): above it all are written. */
    static final int MAX_HELD = 4_096;

    private final MapState<String, FindingUpdate> state;
    private final KeyContext keys;
    private final Object key;
    /** Not yet in the state: written at the next barrier. */
    private final Map<String, FindingUpdate> held = new HashMap<>();
    /** Every waiting update's key (held or written), in time order; null until read back from the state. */
    private TreeSet<String> waiting;

    /** {@code keys}: the operator whose one key {@code key} the state is read under, or null to write at once. */
    PendingUntilBarrier(MapState<String, FindingUpdate> state, KeyContext keys, Object key) {
        this.state = state;
        this.keys = keys;
        this.key = key;
    }

    void add(String pendingKey, FindingUpdate update) {
        // a key already written (the same update again) is overwritten where it is, as the state alone did
        if (keys == null || (waiting().contains(pendingKey) && !held.containsKey(pendingKey))) {
            KeyedAccess.run(() -> state.put(pendingKey, update));
        } else {
            held.put(pendingKey, update);
            if (held.size() > MAX_HELD) {
                writeBack();
            }
        }
        waiting().add(pendingKey);
    }

    /** Removes and returns the updates due at {@code time} or earlier, in key order; {@code timeOf} reads a key's time. */
    List<FindingUpdate> take(long time, ToLongFunction<String> timeOf) {
        return KeyedAccess.call(() -> {
            List<FindingUpdate> due = new ArrayList<>();
            for (Iterator<String> it = waiting().iterator(); it.hasNext(); ) {
                String pendingKey = it.next();
                if (timeOf.applyAsLong(pendingKey) > time) {
                    break; // keys sort by time: the due ones come first
                }
                FindingUpdate update = held.remove(pendingKey);
                if (update == null) {
                    update = state.get(pendingKey); // written at a barrier; null: the TTL expired it
                    state.remove(pendingKey);
                }
                if (update != null) {
                    due.add(update);
                }
                it.remove();
            }
            return due;
        });
    }

    /** Writes every held update to the state and lets go of them; the current key is the same afterwards. */
    void writeBack() {
        if (held.isEmpty()) {
            return;
        }
        Object current = keys.getCurrentKey();
        keys.setCurrentKey(key);
        KeyedAccess.run(() -> state.putAll(held));
        held.clear();
        if (current != null) {
            keys.setCurrentKey(current);
        }
    }

    private TreeSet<String> waiting() {
        if (waiting == null) {
            waiting = KeyedAccess.call(() -> {
                TreeSet<String> all = new TreeSet<>();
                state.keys().forEach(all::add);
                return all;
            });
        }
        return waiting;
    }
}

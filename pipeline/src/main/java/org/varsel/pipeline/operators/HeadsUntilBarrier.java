package org.varsel.pipeline.operators;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.operators.KeyContext;

/**
 * The keyed heads changed since the last checkpoint barrier, kept deserialised in operator memory and written to their
 * value state once per key just before the next barrier (the mini-batch technique of Flink's SQL aggregations): on
 * RocksDB a hot key (a surge category, a trending hashtag) costs one read and one write per checkpoint instead of one
 * each per signal. Without a key context (a plain keyed process operator) every change is written at once.
 *
 * <p>Exactly once on both backends: the snapshot of a barrier holds every change before it, and the written heads are
 * let go at the barrier, so the operator never changes in place an object the heap backend's asynchronous snapshot is
 * still writing (its next read copies, as the heap backend does while a snapshot is pending).
 */
final class HeadsUntilBarrier<H> {
    /** Keys held at most between two barriers (heads of open incidents are a few KB): above it all are written back. */
    static final int MAX_KEYS = 4_096;

    private final ValueState<H> state;
    private final KeyContext keys;
    private final Map<Object, H> changed = new HashMap<>();

    HeadsUntilBarrier(ValueState<H> state, KeyContext keys) {
        this.state = state;
        this.keys = keys;
    }

    /** The current key's head: the one changed since the barrier, else the stored one (null when there is none). */
    H value() {
        H head = keys == null ? null : changed.get(keys.getCurrentKey());
        return head != null ? head : KeyedAccess.call(state::value);
    }

    void update(H head) {
        if (keys == null) {
            KeyedAccess.run(() -> state.update(head));
            return;
        }
        changed.put(keys.getCurrentKey(), head);
        if (changed.size() > MAX_KEYS) {
            writeBack();
        }
    }

    void clear() {
        if (keys != null) {
            changed.remove(keys.getCurrentKey());
        }
        state.clear();
    }

    /** Writes every changed head to the state and lets go of them; the current key is the same afterwards. */
    void writeBack() {
        if (changed.isEmpty()) {
            return;
        }
        Object current = keys.getCurrentKey();
        for (Map.Entry<Object, H> head : changed.entrySet()) {
            keys.setCurrentKey(head.getKey());
            KeyedAccess.run(() -> state.update(head.getValue()));
        }
        changed.clear();
        if (current != null) {
            keys.setCurrentKey(current);
        }
    }
}

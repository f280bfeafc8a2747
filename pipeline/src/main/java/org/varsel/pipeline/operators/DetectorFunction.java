package org.varsel.pipeline.operators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.varsel.pipeline.correlate.Detector;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.correlate.KeyState;
import org.varsel.pipeline.correlate.KeyedSignal;
import org.varsel.pipeline.correlate.Updates;
import org.varsel.pipeline.correlate.Waiting;

/**
 * Runs a Flink-free {@link Detector} as a keyed operator, its {@link KeyState} in three Flink states per key: the head
 * in a value state, the member sets in one map state (entry {@code set + NUL + member}), the waiting signals in a list
 * state. On RocksDB a signal then costs a read and write of the small head, a look-up per account and an append, never
 * a rewrite of everything the key holds. The heads of the keys seen last are also kept deserialised in operator memory
 * (written through to the state), so a hot key's head (a surge category, a trending hashtag) is read from RocksDB once,
 * not for every signal. Event-time timers are its wake-ups. The detector clears its own state when a key goes quiet;
 * the TTL is a safety net against a forgotten key.
 */
public final class DetectorFunction<H> extends KeyedProcessFunction<String, KeyedSignal, FindingUpdate> {
    private static final char SEPARATOR = '\u0000';
    /**
     * Heads kept deserialised per subtask: the hot keys of a stream (categories, trending tags and links) are far
     * fewer, and on RocksDB reading the head was most of a detector's cost (3.8 % of the pipeline, docs/performance.md).
     */
    static final int CACHED_HEADS = 1_024;
    /**
     * The cache is emptied this often (processing time), so a head is not served from memory for much longer than its
     * state's TTL would keep it; empty after a restore, as the operator is new.
     */
    static final Duration CACHE_LIFETIME = Duration.ofMinutes(1);

    private final Detector<H> detector;
    private final Class<H> headType;
    private final Duration stateTtl;
    private transient FlinkKeyState state;

    public DetectorFunction(Detector<H> detector, Class<H> headType, Duration stateTtl) {
        this.detector = detector;
        this.headType = headType;
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        state = new FlinkKeyState(
                getRuntimeContext()
                        .getState(KeyedAccess.expiring(
                                new ValueStateDescriptor<>("detector-head", TypeInformation.of(headType)), stateTtl)),
                getRuntimeContext()
                        .getMapState(KeyedAccess.expiring(
                                new MapStateDescriptor<>("detector-members", Types.STRING, Types.BOOLEAN), stateTtl)),
                getRuntimeContext()
                        .getListState(KeyedAccess.expiring(
                                new ListStateDescriptor<>("detector-waiting", TypeInformation.of(Waiting.class)),
                                stateTtl)));
    }

    @Override
    public void processElement(KeyedSignal input, Context context, Collector<FindingUpdate> out) {
        state.at(context.getCurrentKey(), context.timerService().currentProcessingTime());
        detector.onSignal(
                state, input, context.timerService().currentWatermark(), updates(context.timerService(), out));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<FindingUpdate> out) {
        state.at(context.getCurrentKey(), context.timerService().currentProcessingTime());
        detector.onTimer(state, context.getCurrentKey(), timestamp, updates(context.timerService(), out));
    }

    private static Updates updates(TimerService timers, Collector<FindingUpdate> out) {
        return new Output(timers, out);
    }

    private static final class Output extends TimerOutput<FindingUpdate> implements Updates {
        Output(TimerService timers, Collector<FindingUpdate> out) {
            super(timers, out);
        }
    }

    /** The current key's detector state in Flink keyed state (the backend scopes every access to the current key). */
    private final class FlinkKeyState implements KeyState<H> {
        private final ValueState<H> head;
        private final MapState<String, Boolean> members;
        private final ListState<Waiting> waiting;
        /** Key → its head as last read or written; the same object the state holds, as on the heap backend. */
        private final Map<String, H> cachedHeads = new RecentEntries<>(CACHED_HEADS);

        private long cachedSince = Long.MIN_VALUE;
        private String key;

        FlinkKeyState(ValueState<H> head, MapState<String, Boolean> members, ListState<Waiting> waiting) {
            this.head = head;
            this.members = members;
            this.waiting = waiting;
        }

        /** The key the backend is scoped to now, and the time, to empty the cache when it is due. */
        void at(String currentKey, long now) {
            key = currentKey;
            if (cachedSince == Long.MIN_VALUE || now - cachedSince >= CACHE_LIFETIME.toMillis()) {
                cachedHeads.clear();
                cachedSince = now;
            }
        }

        @Override
        public H head() {
            H value = cachedHeads.get(key);
            if (value == null) {
                value = KeyedAccess.call(head::value);
                if (value != null) {
                    cachedHeads.put(key, value);
                }
            }
            return value;
        }

        @Override
        public void setHead(H value) {
            KeyedAccess.run(() -> head.update(value));
            cachedHeads.put(key, value);
        }

        @Override
        public boolean addMember(String set, String member) {
            String entry = set + SEPARATOR + member;
            return KeyedAccess.call(() -> {
                if (members.contains(entry)) {
                    return false;
                }
                members.put(entry, Boolean.TRUE);
                return true;
            });
        }

        @Override
        public boolean hasMember(String set, String member) {
            return KeyedAccess.call(() -> members.contains(set + SEPARATOR + member));
        }

        @Override
        public void dropMembers(String set) {
            String prefix = set + SEPARATOR;
            KeyedAccess.run(() -> {
                List<String> drop = new ArrayList<>();
                for (String entry : members.keys()) {
                    if (entry.startsWith(prefix)) {
                        drop.add(entry);
                    }
                }
                for (String entry : drop) {
                    members.remove(entry);
                }
            });
        }

        @Override
        public void addWaiting(Waiting signal) {
            KeyedAccess.run(() -> waiting.add(signal));
        }

        @Override
        public List<Waiting> waiting() {
            return KeyedAccess.call(() -> {
                List<Waiting> all = new ArrayList<>();
                Iterable<Waiting> stored = waiting.get();
                if (stored != null) {
                    stored.forEach(all::add);
                }
                return all;
            });
        }

        @Override
        public void setWaiting(List<Waiting> signals) {
            KeyedAccess.run(() -> waiting.update(signals));
        }

        @Override
        public void clear() {
            cachedHeads.remove(key);
            head.clear();
            members.clear();
            waiting.clear();
        }
    }
}

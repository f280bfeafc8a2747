package org.varsel.pipeline.operators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyContext;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
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
 * a rewrite of everything the key holds. Run by its own {@link #operator()}, a head is read and written at most once
 * per key between two checkpoint barriers ({@link HeadsUntilBarrier}): a surge category or a trending hashtag no longer
 * costs a head read and write per signal. Event-time timers are its wake-ups. The detector clears its own state when a
 * key goes quiet; the TTL is a safety net against a forgotten key.
 */
public final class DetectorFunction<H> extends KeyedProcessFunction<String, KeyedSignal, FindingUpdate> {
    private static final char SEPARATOR = '\u0000';

    private final Detector<H> detector;
    private final Class<H> headType;
    private final Duration stateTtl;
    private transient KeyContext keys;
    private transient FlinkKeyState state;

    public DetectorFunction(Detector<H> detector, Class<H> headType, Duration stateTtl) {
        this.detector = detector;
        this.headType = headType;
        this.stateTtl = stateTtl;
    }

    /** This detector as a keyed operator that writes its heads back once per key before every checkpoint barrier. */
    public OneInputStreamOperator<KeyedSignal, FindingUpdate> operator() {
        return new DetectorOperator(this);
    }

    /** Called by {@link DetectorOperator} before {@link #open}: heads wait for the barrier in {@code keys}' operator. */
    void writeBackThrough(KeyContext keys) {
        this.keys = keys;
    }

    /** Writes the heads changed since the last barrier; called by {@link DetectorOperator} just before a barrier. */
    void writeBackHeads() {
        state.head.writeBack();
    }

    @Override
    public void open(OpenContext openContext) {
        state = new FlinkKeyState(
                new HeadsUntilBarrier<>(
                        getRuntimeContext()
                                .getState(KeyedAccess.expiring(
                                        new ValueStateDescriptor<>("detector-head", TypeInformation.of(headType)),
                                        stateTtl)),
                        keys),
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
        detector.onSignal(
                state, input, context.timerService().currentWatermark(), updates(context.timerService(), out));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<FindingUpdate> out) {
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
        private final HeadsUntilBarrier<H> head;
        private final MapState<String, Boolean> members;
        private final ListState<Waiting> waiting;

        FlinkKeyState(HeadsUntilBarrier<H> head, MapState<String, Boolean> members, ListState<Waiting> waiting) {
            this.head = head;
            this.members = members;
            this.waiting = waiting;
        }

        @Override
        public H head() {
            return head.value();
        }

        @Override
        public void setHead(H value) {
            head.update(value);
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
            members.clear();
            clearWithoutMembers();
        }

        @Override
        public void clearWithoutMembers() {
            head.clear();
            waiting.clear();
        }
    }
}

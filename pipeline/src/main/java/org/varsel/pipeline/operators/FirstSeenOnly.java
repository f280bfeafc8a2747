package org.varsel.pipeline.operators;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.varsel.contract.Signal;

/**
 * Passes a signal on the first time its id is seen and drops replays (a partner's retry, a feed re-read).
 * Keyed by signal id; what it remembers expires after {@code memory}, so state stays bounded.
 */
public final class FirstSeenOnly extends KeyedProcessFunction<String, Signal, Signal> {
    private final Duration memory;
    private transient ValueState<Boolean> seen;

    public FirstSeenOnly(Duration memory) {
        this.memory = memory;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("seen", Types.BOOLEAN);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(memory)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        seen = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(Signal signal, Context context, Collector<Signal> out) throws Exception {
        if (seen.value() == null) {
            seen.update(Boolean.TRUE);
            out.collect(signal);
        }
    }
}

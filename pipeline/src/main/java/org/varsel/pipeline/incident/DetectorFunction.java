package org.varsel.pipeline.incident;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.varsel.contract.Incident;
import org.varsel.pipeline.correlate.Detector;
import org.varsel.pipeline.correlate.KeyedSignal;
import org.varsel.pipeline.correlate.Updates;

/**
 * Runs a Flink-free {@link Detector} as a keyed operator: one value state per key, event-time timers for its wake-ups.
 * The detector clears its own state when a key goes quiet; the TTL is a safety net against a forgotten key.
 */
public final class DetectorFunction<S> extends KeyedProcessFunction<String, KeyedSignal, Incident> {
  private final Detector<S> detector;
  private final Class<S> stateType;
  private final Duration stateTtl;
  private transient ValueState<S> state;

  public DetectorFunction(Detector<S> detector, Class<S> stateType, Duration stateTtl) {
    this.detector = detector;
    this.stateType = stateType;
    this.stateTtl = stateTtl;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<S> descriptor = new ValueStateDescriptor<>("detector-state", TypeInformation.of(stateType));
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl)
        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
        .build());
    state = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(KeyedSignal input, Context context, Collector<Incident> out) throws Exception {
    store(detector.onSignal(state.value(), input, context.timerService().currentWatermark(), updates(context.timerService(), out)));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<Incident> out) throws Exception {
    store(detector.onTimer(state.value(), context.getCurrentKey(), timestamp, updates(context.timerService(), out)));
  }

  private void store(S next) throws Exception {
    if (next == null) {
      state.clear();
    } else {
      state.update(next);
    }
  }

  private static Updates updates(TimerService timers, Collector<Incident> out) {
    return new Updates() {
      @Override
      public void emit(Incident incident) {
        out.collect(incident);
      }

      @Override
      public void wakeAt(long eventTime) {
        timers.registerEventTimeTimer(eventTime);
      }
    };
  }
}

package org.varsel.pipeline.operators;

import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;

/**
 * The way out that a keyed operator gives its Flink-free logic ({@code Updates}, {@code CampaignOutput}): what the logic
 * emits goes to the operator's collector, and a wake-up it asks for is an event-time timer of the current key.
 */
class TimerOutput<T> {
    private final TimerService timers;
    private final Collector<T> out;

    TimerOutput(TimerService timers, Collector<T> out) {
        this.timers = timers;
        this.out = out;
    }

    public void emit(T value) {
        out.collect(value);
    }

    public void wakeAt(long eventTime) {
        timers.registerEventTimeTimer(eventTime);
    }
}

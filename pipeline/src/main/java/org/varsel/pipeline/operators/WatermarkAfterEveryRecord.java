package org.varsel.pipeline.operators;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness with a watermark after every record rather than every 200 ms of wall-clock time: what an
 * operator has seen when the watermark moves then depends on the input alone, so a replay decides the same every time.
 */
public final class WatermarkAfterEveryRecord<T> implements WatermarkGenerator<T> {
    private final long bound;
    private long maxSeen;

    public WatermarkAfterEveryRecord(Duration outOfOrderness) {
        this.bound = outOfOrderness.toMillis();
        this.maxSeen = Long.MIN_VALUE + bound + 1;
    }

    @Override
    public void onEvent(T record, long timestamp, WatermarkOutput output) {
        if (timestamp > maxSeen) {
            maxSeen = timestamp;
            output.emitWatermark(new Watermark(maxSeen - bound - 1));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
}

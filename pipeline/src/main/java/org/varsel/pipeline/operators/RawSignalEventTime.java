package org.varsel.pipeline.operators;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.varsel.contract.SignalCodec;
import org.varsel.pipeline.io.RawSignal;

/**
 * A raw record's event time, read in the source so that every Kafka partition has its own watermark: the signal's
 * {@code observed_at} where parsing will accept it. A record parsing will reject has no event time: it cannot move the
 * watermark (a replay's one bad line must not drag a 2016 stream to today).
 */
public final class RawSignalEventTime implements SerializableTimestampAssigner<RawSignal> {
    @Override
    public long extractTimestamp(RawSignal raw, long recordTimestamp) {
        return SignalCodec.observedAt(raw.value(), raw.receivedAt())
                .map(java.time.Instant::toEpochMilli)
                .orElse(TimestampAssigner.NO_TIMESTAMP);
    }
}

package org.varsel.pipeline.operators;

import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.correlate.KeyedSignal;

/**
 * The keyed operator of a {@link DetectorFunction}: Flink's keyed process operator (same state, same timers, so its
 * checkpoints restore either way) that writes the detector's changed heads back just before every checkpoint barrier.
 */
final class DetectorOperator extends KeyedProcessOperator<String, KeyedSignal, FindingUpdate> {
    DetectorOperator(DetectorFunction<?> detector) {
        super(detector);
    }

    @Override
    public void open() throws Exception {
        detector().writeBackThrough(this); // before the function opens its state
        super.open();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        detector().writeBackHeads();
    }

    private DetectorFunction<?> detector() {
        return (DetectorFunction<?>) getUserFunction();
    }
}

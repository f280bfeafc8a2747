package org.varsel.pipeline.operators;

import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.checkpoint.CheckpointOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.memory.MemCheckpointStreamFactory;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.OperatorSnapshotFinalizer;
import org.apache.flink.streaming.api.operators.OperatorSnapshotFutures;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** Opens an operator test harness as a task would: set up, restored from a snapshot when there is one, opened. */
public final class Harnesses {
    private Harnesses() {}

    public static <H extends AbstractStreamOperatorTestHarness<?>> H opened(H harness, OperatorSubtaskState snapshot)
            throws Exception {
        harness.setup();
        if (snapshot != null) {
            harness.initializeState(snapshot);
        }
        harness.open();
        return harness;
    }

    /** {@link #opened} on the named state backend: {@code rocksdb}, or the heap backend for anything else. */
    public static <H extends AbstractStreamOperatorTestHarness<?>> H opened(
            H harness, String backend, OperatorSubtaskState snapshot) throws Exception {
        if ("rocksdb".equals(backend)) {
            harness.setStateBackend(new EmbeddedRocksDBStateBackend());
            // as a job's configuration names it: operators that keep what they read (KeyedAccess) see RocksDB
            harness.getEnvironment().getJobConfiguration().set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        }
        return opened(harness, snapshot);
    }

    /**
     * Takes a snapshot's synchronous part, as a task does at a barrier (after the operator's last work before the
     * barrier, {@code prepareSnapshotPreBarrier}); its asynchronous part is written by {@link #written}, so a test can
     * let the operator go on in between, as it does in a job while the snapshot is written.
     */
    public static OperatorSnapshotFutures snapshotStarted(AbstractStreamOperatorTestHarness<?> harness, long checkpoint)
            throws Exception {
        harness.getOperator().prepareSnapshotPreBarrier(checkpoint);
        return harness.getOperator()
                .snapshotState(
                        checkpoint,
                        checkpoint,
                        CheckpointOptions.forCheckpointWithDefaultLocation(),
                        new MemCheckpointStreamFactory(Integer.MAX_VALUE));
    }

    /** Writes a started snapshot's asynchronous part and returns the state a restore reads. */
    public static OperatorSubtaskState written(OperatorSnapshotFutures started) throws Exception {
        return new OperatorSnapshotFinalizer(started).getJobManagerOwnedState();
    }
}

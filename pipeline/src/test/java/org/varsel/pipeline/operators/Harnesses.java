package org.varsel.pipeline.operators;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.checkpoint.CheckpointOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.memory.MemCheckpointStreamFactory;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.state.rocksdb.RocksDBOptions;
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

    /**
     * {@link #opened} on the named state backend: {@code rocksdb}, {@code rocksdb-heap-timers} (RocksDB with its timers
     * on the heap, as the manifests and the bench keep them), or the heap backend for anything else.
     */
    public static <H extends AbstractStreamOperatorTestHarness<?>> H opened(
            H harness, String backend, OperatorSubtaskState snapshot) throws Exception {
        if (backend.startsWith("rocksdb")) {
            EmbeddedRocksDBStateBackend rocksdb = new EmbeddedRocksDBStateBackend();
            if (HEAP_TIMERS.equals(backend)) {
                rocksdb.setPriorityQueueStateType(EmbeddedRocksDBStateBackend.PriorityQueueStateType.HEAP);
            }
            harness.setStateBackend(rocksdb);
            // as a job's configuration names it: operators that keep what they read (KeyedAccess) see RocksDB
            harness.getEnvironment().getJobConfiguration().set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        }
        return opened(harness, snapshot);
    }

    /** RocksDB with its timers on the heap. */
    public static final String HEAP_TIMERS = "rocksdb-heap-timers";

    /** A job's configuration of the named state backend (see {@link #opened}), incremental checkpoints on RocksDB. */
    public static Configuration jobConfiguration(String backend) {
        Configuration config = new Configuration();
        config.set(StateBackendOptions.STATE_BACKEND, backend.startsWith("rocksdb") ? "rocksdb" : backend);
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, backend.startsWith("rocksdb"));
        if (HEAP_TIMERS.equals(backend)) {
            config.set(RocksDBOptions.TIMER_SERVICE_FACTORY, EmbeddedRocksDBStateBackend.PriorityQueueStateType.HEAP);
        }
        return config;
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

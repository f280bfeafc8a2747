package org.varsel.pipeline.operators;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
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
        }
        return opened(harness, snapshot);
    }
}

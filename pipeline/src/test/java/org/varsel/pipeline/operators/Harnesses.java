package org.varsel.pipeline.operators;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** Opens an operator test harness as a task would: set up, restored from a snapshot when there is one, opened. */
final class Harnesses {
    private Harnesses() {}

    static <H extends AbstractStreamOperatorTestHarness<?>> H opened(H harness, OperatorSubtaskState snapshot)
            throws Exception {
        harness.setup();
        if (snapshot != null) {
            harness.initializeState(snapshot);
        }
        harness.open();
        return harness;
    }
}

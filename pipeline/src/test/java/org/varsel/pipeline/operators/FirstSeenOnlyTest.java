package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.post;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Signal;

/**
 * Replay drop on Flink's keyed operator test harness, no broker: a signal id passes once, a replay within the memory
 * is dropped, also after a restore from a snapshot, and the memory expires (state TTL), so state stays bounded.
 */
class FirstSeenOnlyTest {
    static final Duration MEMORY = Duration.ofHours(1);

    @Test
    void passesASignalOnceAndDropsItsReplaysEvenAfterARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Signal> harness = opened(null)) {
            harness.processElement(signal("a"), 1);
            harness.processElement(signal("b"), 2);
            harness.processElement(signal("a"), 3);
            assertThat(harness.extractOutputValues())
                    .extracting(Signal::externalId)
                    .containsExactly("p-a", "p-b");
            snapshot = harness.snapshot(1, 4);
        }
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Signal> restored = opened(snapshot)) {
            restored.processElement(signal("b"), 5);
            restored.processElement(signal("c"), 6);
            assertThat(restored.extractOutputValues())
                    .extracting(Signal::externalId)
                    .containsExactly("p-c");
        }
    }

    @Test
    void forgetsASignalIdOnceItsMemoryHasExpired() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Signal> harness = opened(null)) {
            harness.setStateTtlProcessingTime(0);
            harness.processElement(signal("a"), 1);
            harness.setStateTtlProcessingTime(MEMORY.toMillis() - 1);
            harness.processElement(signal("a"), 2);
            harness.setStateTtlProcessingTime(MEMORY.toMillis() + 1);
            harness.processElement(signal("a"), 3);

            assertThat(harness.extractOutputStreamRecords())
                    .extracting(r -> r.getTimestamp())
                    .containsExactly(1L, 3L);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Signal, Signal> opened(OperatorSubtaskState snapshot)
            throws Exception {
        return Harnesses.opened(
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new FirstSeenOnly(MEMORY)), Signal::id, Types.STRING),
                snapshot);
    }

    private static Signal signal(String id) {
        return post(id).analysed().signal();
    }
}

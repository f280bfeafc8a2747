package org.varsel.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.varsel.local.KafkaBrokers;

/** A running job's progress as Kafka shows it: its source's committed offsets and its sinks' open transactions. */
public final class JobProgress {
    private JobProgress() {}

    /**
     * Waits until {@code group} has committed the end of {@code topic} (the job checkpointed past everything the topic
     * holds) and no transaction is open on {@code outputs}: what the job made of those records is then committed
     * output. The wait follows the job however slow the machine; {@code hung} bounds only a job that makes no
     * progress, and the failure says {@code job}'s state.
     */
    public static void awaitCheckpointedPast(
            KafkaBrokers kafka, String group, String topic, List<String> outputs, Duration hung, Supplier<String> job)
            throws InterruptedException {
        long deadline = System.nanoTime() + hung.toNanos();
        while (!checkpointedPast(kafka, group, topic, outputs)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "no checkpoint of the job past the end of " + topic + " within " + hung + "; " + job.get());
            }
            Thread.sleep(300);
        }
    }

    private static boolean checkpointedPast(KafkaBrokers kafka, String group, String topic, List<String> outputs) {
        try {
            return kafka.groupReadToTheEnd(group, topic) && kafka.noTransactionOpenOn(outputs.toArray(String[]::new));
        } catch (IllegalStateException brokerBusy) {
            return false;
        }
    }
}

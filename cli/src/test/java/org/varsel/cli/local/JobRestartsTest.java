package org.varsel.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local environment counts a job's restarts ({@link JobRestarts}), which {@code ./varsel bench} reports beside a
 * run's figures: a job that fails once and recovers counts one, a clean job none.
 */
class JobRestartsTest {
    /** The first attempt of the map fails; the restarted attempt passes. Static: the function is serialised. */
    private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

    @Test
    void countsTheRestartsOfALocalJob(@TempDir Path checkpoints) throws Exception {
        FAILED_ONCE.set(false);
        assertThat(JobRestarts.of(run(checkpoints.resolve("failing"), true).getJobID()))
                .isEqualTo(1);
        assertThat(JobRestarts.of(run(checkpoints.resolve("clean"), false).getJobID()))
                .isZero();
    }

    private static JobExecutionResult run(Path checkpoints, boolean failOnce) throws Exception {
        StreamExecutionEnvironment env = LocalPipelineEnvironment.create(1, checkpoints);
        env.enableCheckpointing(200); // as the pipeline runs: with checkpoints, a failed task restarts
        env.fromSequence(1, 100)
                .map((MapFunction<Long, Long>) n -> {
                    if (failOnce && n == 50 && FAILED_ONCE.compareAndSet(false, true)) {
                        throw new IllegalStateException("the first attempt fails on purpose");
                    }
                    return n;
                })
                .returns(Types.LONG)
                .sinkTo(new DiscardingSink<>());
        return env.execute("restarts");
    }
}

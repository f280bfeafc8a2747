package org.varsel.cli.local;

import java.util.Set;
import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.runtime.checkpoint.CheckpointFailureReason;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * A log filter (log4j2 {@code <ExpectedCheckpointFailure/>}) that drops the checkpoint failures a local job has every
 * time it starts, finishes or is stopped with 1 s checkpoints: tasks not yet running, tasks closing at the end of a
 * bounded input, a task that already finished, the coordinator stopping with the job, a source coordinator's race with
 * the end of the job. Every other checkpoint failure (expired, asynchronous, I/O, a task's own failure, ...) and every
 * other error passes, so a real one still shows.
 */
@Plugin(
        name = "ExpectedCheckpointFailure",
        category = Node.CATEGORY,
        elementType = Filter.ELEMENT_TYPE,
        printObject = true)
public final class ExpectedCheckpointFailure extends AbstractFilter {
    private static final Set<CheckpointFailureReason> JOB_LIFECYCLE = Set.of(
            CheckpointFailureReason.NOT_ALL_REQUIRED_TASKS_RUNNING,
            CheckpointFailureReason.CHECKPOINT_DECLINED_TASK_NOT_READY,
            CheckpointFailureReason.CHECKPOINT_DECLINED_TASK_CLOSING,
            CheckpointFailureReason.CHECKPOINT_DECLINED_INPUT_END_OF_STREAM,
            CheckpointFailureReason.CHECKPOINT_COORDINATOR_SUSPEND,
            CheckpointFailureReason.CHECKPOINT_COORDINATOR_SHUTDOWN);
    /** How a TaskManager answers a checkpoint for a task that has finished (a task-local failure reason otherwise). */
    private static final String FINISHED_TASK = "TaskManager received a checkpoint request for unknown task";
    /**
     * What a source's coordinator throws, and the JobManager logs at ERROR with its stack, when a job ends between a
     * checkpoint's trigger and its abort (a race in Flink; the job and its output are unaffected).
     */
    private static final String CHECKPOINT_RACE_AT_END = "Trying to open gateway for unseen checkpoint";

    private ExpectedCheckpointFailure() {
        super(Result.DENY, Result.NEUTRAL);
    }

    @PluginFactory
    public static ExpectedCheckpointFailure create() {
        return new ExpectedCheckpointFailure();
    }

    @Override
    public Result filter(LogEvent event) {
        return expected(event.getThrown()) ? onMatch : onMismatch;
    }

    static boolean expected(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CheckpointException e
                    && (JOB_LIFECYCLE.contains(e.getCheckpointFailureReason())
                            || e.getCheckpointFailureReason() == CheckpointFailureReason.TASK_CHECKPOINT_FAILURE
                                    && String.valueOf(e.getMessage()).startsWith(FINISHED_TASK))) {
                return true;
            }
            if (t instanceof IllegalStateException
                    && String.valueOf(t.getMessage()).startsWith(CHECKPOINT_RACE_AT_END)) {
                return true;
            }
        }
        return false;
    }
}

package org.varsel.cli.local;

import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.runtime.checkpoint.CheckpointFailureReason;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * A log filter (log4j2 {@code <ExpectedCheckpointDecline/>}) that drops the one checkpoint failure a local bounded job
 * always has: its tasks decline the checkpoint that meets them while they close at the end of the input. Every other
 * checkpoint failure passes, so a real one still shows.
 */
@Plugin(
        name = "ExpectedCheckpointDecline",
        category = Node.CATEGORY,
        elementType = Filter.ELEMENT_TYPE,
        printObject = true)
public final class ExpectedCheckpointDecline extends AbstractFilter {

    private ExpectedCheckpointDecline() {
        super(Result.DENY, Result.NEUTRAL);
    }

    @PluginFactory
    public static ExpectedCheckpointDecline create() {
        return new ExpectedCheckpointDecline();
    }

    @Override
    public Result filter(LogEvent event) {
        return declinedWhileClosing(event.getThrown()) ? onMatch : onMismatch;
    }

    static boolean declinedWhileClosing(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CheckpointException e
                    && e.getCheckpointFailureReason() == CheckpointFailureReason.CHECKPOINT_DECLINED_TASK_CLOSING) {
                return true;
            }
        }
        return false;
    }
}

package org.varsel.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.runtime.checkpoint.CheckpointFailureManager;
import org.apache.flink.runtime.checkpoint.CheckpointFailureReason;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The commands' log configuration ({@code cli/src/main/resources/log4j2.xml}, what {@code ./varsel bench} and
 * {@code replay} log with) on the console: the checkpoints a job fails while it starts, finishes (a bounded job's tasks
 * closing) or stops stay off it, a real checkpoint failure shows in one line with its reason.
 */
class CommandLogOutputTest {
    private static final String FAILED =
            "Failed to trigger or complete checkpoint {} for job {}. ({} consecutive failed" + " attempts so far)";

    @Test
    void keepsTheCheckpointsAJobFailsWhileItStartsFinishesOrStopsOffTheConsoleAndShowsRealCheckpointFailures()
            throws Exception {
        String console = consoleOf(log -> {
            int checkpoint = 0;
            for (CheckpointException expected : List.of(
                    new CheckpointException(CheckpointFailureReason.CHECKPOINT_DECLINED_TASK_CLOSING),
                    new CheckpointException(CheckpointFailureReason.CHECKPOINT_DECLINED_TASK_NOT_READY),
                    new CheckpointException(CheckpointFailureReason.NOT_ALL_REQUIRED_TASKS_RUNNING),
                    new CheckpointException(CheckpointFailureReason.CHECKPOINT_COORDINATOR_SUSPEND),
                    new CheckpointException(
                            "TaskManager received a checkpoint request for unknown task 5efec390.",
                            CheckpointFailureReason.TASK_CHECKPOINT_FAILURE))) {
                log.warn(FAILED, ++checkpoint, "bench-job", 0, expected);
            }
            log.warn(
                    FAILED,
                    100,
                    "bench-job",
                    0,
                    new CheckpointException(
                            CheckpointFailureReason.CHECKPOINT_ASYNC_EXCEPTION,
                            new java.io.IOException("No space left on device")));
            log.warn(FAILED, 101, "bench-job", 1, new CheckpointException(CheckpointFailureReason.CHECKPOINT_EXPIRED));
            log.warn(
                    FAILED,
                    102,
                    "bench-job",
                    2,
                    new CheckpointException(
                            "Task name with subtask : match rules (1/2)",
                            CheckpointFailureReason.TASK_CHECKPOINT_FAILURE));
        });

        assertThat(console.lines().filter(line -> line.contains("CheckpointFailureManager")))
                .as(console)
                .hasSize(3)
                .allMatch(line -> line.contains("WARN"));
        assertThat(console)
                .contains("checkpoint 100", "Asynchronous task checkpoint failed")
                .contains("checkpoint 101", "Checkpoint expired before completing")
                .contains("checkpoint 102", "match rules (1/2)")
                .doesNotContain("\tat ");
    }

    @Test
    void keepsTheJobManagersCheckpointRaceAtTheEndOfABoundedJobOffTheConsoleAndShowsItsOtherErrors() throws Exception {
        String console = consoleOf("org.apache.flink.runtime.rpc.pekko.FencedPekkoRpcActor", log -> {
            log.error(
                    "Caught exception while executing runnable in main thread.",
                    new IllegalStateException("Trying to open gateway for unseen checkpoint: latest known"
                            + " checkpoint = 25, incoming checkpoint = 26"));
            log.error(
                    "Caught exception while executing runnable in main thread.",
                    new IllegalStateException("Job is in an unexpected state"));
        });

        assertThat(console).doesNotContain("unseen checkpoint").contains("ERROR", "Job is in an unexpected state");
    }

    private static String consoleOf(java.util.function.Consumer<Logger> logging) throws Exception {
        return consoleOf(CheckpointFailureManager.class.getName(), logging);
    }

    private static String consoleOf(String logger, java.util.function.Consumer<Logger> logging) throws Exception {
        StringWriter console = new StringWriter();
        LoggerContext context = new LoggerContext("command-log-output");
        try {
            ConfigurationSource source =
                    ConfigurationSource.fromResource("log4j2.xml", CommandLogOutputTest.class.getClassLoader());
            XmlConfiguration config = new XmlConfiguration(context, source);
            context.start(config);
            // Each console appender's output, with its own layout, into the writer: System.err is shared by every
            // logger context of the JVM, so it cannot be captured reliably.
            Set<LoggerConfig> loggers = new HashSet<>(config.getLoggers().values());
            loggers.add(config.getRootLogger());
            for (LoggerConfig loggerConfig : loggers) {
                for (String name : List.copyOf(loggerConfig.getAppenders().keySet())) {
                    Appender capture = WriterAppender.newBuilder()
                            .setName(name + "-captured")
                            .setTarget(console)
                            .setLayout(config.getAppender(name).getLayout())
                            .build();
                    capture.start();
                    loggerConfig.removeAppender(name);
                    loggerConfig.addAppender(capture, null, null);
                }
            }
            context.updateLoggers();
            logging.accept(context.getLogger(logger));
        } finally {
            context.stop();
        }
        return console.toString();
    }
}

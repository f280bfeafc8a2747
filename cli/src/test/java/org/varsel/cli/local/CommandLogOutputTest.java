package org.varsel.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.runtime.checkpoint.CheckpointFailureManager;
import org.apache.flink.runtime.checkpoint.CheckpointFailureReason;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The commands' log configuration ({@code cli/src/main/resources/log4j2.xml}, what {@code ./varsel bench} and
 * {@code replay} log with) on the console: the checkpoint a bounded job declines while it closes stays off it, a real
 * checkpoint failure shows in one line with its reason.
 */
class CommandLogOutputTest {
    private static final String FAILED =
            "Failed to trigger or complete checkpoint {} for job {}. ({} consecutive failed" + " attempts so far)";

    @Test
    void keepsTheCheckpointABoundedJobDeclinesWhileClosingOffTheConsoleAndShowsARealCheckpointFailure()
            throws Exception {
        String console = consoleOf(log -> {
            log.warn(
                    FAILED,
                    2,
                    "bench-job",
                    0,
                    new CheckpointException(CheckpointFailureReason.CHECKPOINT_DECLINED_TASK_CLOSING));
            log.warn(
                    FAILED,
                    3,
                    "bench-job",
                    0,
                    new CheckpointException(
                            CheckpointFailureReason.CHECKPOINT_ASYNC_EXCEPTION,
                            new java.io.IOException("No space left on device")));
        });

        assertThat(console).doesNotContain("checkpoint 2").doesNotContain("task is closing");
        assertThat(console.lines().filter(line -> line.contains("checkpoint 3")))
                .singleElement()
                .asString()
                .contains("WARN")
                .contains("Asynchronous task checkpoint failed");
        assertThat(console).doesNotContain("\tat ");
    }

    private static String consoleOf(java.util.function.Consumer<Logger> logging) throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // the console appender takes System.err when the configuration starts
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext("command-log-output");
        try {
            ConfigurationSource source =
                    ConfigurationSource.fromResource("log4j2.xml", CommandLogOutputTest.class.getClassLoader());
            context.start(new XmlConfiguration(context, source));
            logging.accept(context.getLogger(CheckpointFailureManager.class.getName()));
        } finally {
            context.stop();
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}

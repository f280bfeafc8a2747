package org.varsel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.varsel.cli.BenchCommand;
import picocli.CommandLine;

/**
 * {@code ./varsel bench --cluster} end to end on a tiny workload: a real standalone cluster of two TaskManager JVMs
 * runs the job jar over a backlog, and the command reports throughput, CPU over the cluster's JVMs, busy time per
 * vertex and subtask with the TaskManager each ran on, and the bench's machine-readable last line.
 */
class ClusterBenchTest {
    private static final int SIGNALS = 400;

    @Test
    void benchesTheJobJarOnTwoTaskManagersAndReportsBusyTimePerSubtaskAndTheLastLine() {
        System.setProperty(
                "varsel.home", Path.of("..").toAbsolutePath().normalize().toString());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new BenchCommand())
                    .execute(
                            "--cluster",
                            "--layouts",
                            "2x1",
                            "--signals",
                            Integer.toString(SIGNALS),
                            "--rules",
                            "0",
                            "--no-ira",
                            "--job-jar",
                            System.getProperty("varsel.job.jar"),
                            "--flink-classpath",
                            System.getProperty("varsel.flink.classpath"));
        } finally {
            System.setOut(original);
        }
        String out = stdout.toString(StandardCharsets.UTF_8);
        original.print(out);
        List<String> lines = out.lines().toList();

        assertThat(exit).as("exit code; output:%n%s", out).isZero();
        assertThat(lines.get(lines.size() - 1))
                .matches("throughput=[1-9][0-9]* p99_ms=NaN signals=" + SIGNALS + " failovers=0");
        assertThat(lines)
                .as("the layout's row: two TaskManagers of one slot, parallelism 2, every signal")
                .anyMatch(line -> line.matches("2x1\\s+2\\s+400\\s.*"));
        assertThat(lines)
                .as("CPU per signal of every JVM of the cluster")
                .anyMatch(line -> line.contains("jobmanager") && line.contains("tm-1") && line.contains("tm-2"));
        assertThat(lines)
                .as("the source's vertex, its two subtasks each on its own TaskManager")
                .anyMatch(line -> line.contains("Source")
                        && line.matches(".* 0:\\d+%\\[tm-\\d] 1:\\d+%\\[tm-\\d].*")
                        && line.contains("[tm-1]")
                        && line.contains("[tm-2]"));
    }
}

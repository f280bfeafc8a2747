package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.pipeline.classify.TinyTrainingData;
import picocli.CommandLine;

class ModelTrainCrossSourceTest {

    @TempDir
    Path dir;

    @Test
    void writesTheLeaveOneSourceOutTableIntoItsOwnSectionOfTheReportAndLeavesTheRest() throws IOException {
        Path data = dir.resolve("data");
        TinyTrainingData.writeTo(data);
        Path report = dir.resolve("report.md");
        Files.writeString(report, "hand-written text that stays\n");
        String[] args = {
            "--data",
            data.toString(),
            "--model",
            dir.resolve("m.bin").toString(),
            "--report",
            report.toString(),
            "--known-words",
            dir.resolve("known-words.txt").toString(),
            "--iterations",
            "10",
            "--cutoff",
            "1",
            "--cross-source"
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // the first run writes the tiny corpus's known-word list and asks for a rebuild; the features read the bundled
        // one
        assertThat(run(args, err)).isEqualTo(3);
        assertThat(run(args, err)).as(err.toString(StandardCharsets.UTF_8)).isZero();

        String written = Files.readString(report);
        assertThat(written)
                .startsWith("hand-written text that stays")
                .contains(ModelCommand.HELD_OUT_SECTION.begin())
                .contains(ModelCommand.CROSS_SOURCE_SECTION.begin())
                .contains("| all but hatexplain |")
                .contains("| all but stormfront |");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cross-source: training without dkhate");
    }

    private static int run(String[] args, ByteArrayOutputStream err) {
        ModelCommand.Train train = new ModelCommand.Train();
        train.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        train.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(train).execute(args);
    }
}

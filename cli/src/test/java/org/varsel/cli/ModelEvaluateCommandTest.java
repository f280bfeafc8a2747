package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.pipeline.rules.RepositoryRules;
import picocli.CommandLine;

class ModelEvaluateCommandTest {
    private static final String HEADER =
            "id\tlanguage\tfunctionality\texpected\tmin_tier\tsplit\ttemplate\ttarget\ttext\n";
    private static final String CASES = HEADER
            + "en-threat_normative-01-jews\ten\tthreat_normative\tflag\thigh\tdev\ten-threat_normative-01\tjews\tJews should be shot.\n"
            + "en-neutral_group-01-jews\ten\tneutral_group\tnot\t-\tdev\ten-neutral_group-01\tjews\tMany Jews live in Copenhagen.\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int evaluate(String floors, String... more) throws IOException {
        Files.writeString(dir.resolve("suite-en.tsv"), CASES);
        Files.writeString(dir.resolve("floors.yaml"), floors);
        Files.writeString(dir.resolve("report.md"), "# Report\n\nWritten by hand.\n");
        ModelCommand.Evaluate evaluate = new ModelCommand.Evaluate();
        evaluate.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        evaluate.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(
                "--suite",
                dir.toString(),
                "--rules",
                RepositoryRules.DIRECTORY.toString(),
                "--report",
                dir.resolve("report.md").toString()));
        args.addAll(List.of(more));
        return new CommandLine(evaluate).execute(args.toArray(String[]::new));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheSuiteSectionIntoTheReportAndPassesWhenEveryFloorHolds() throws IOException {
        int code = evaluate(
                "threat_normative: {en: 0.0}\nneutral_group: {en: 1.0}\n",
                "--cases",
                dir.resolve("cases.tsv").toString());

        assertThat(code).isZero();
        assertThat(err()).contains("model evaluate: 2 cases judged in").contains("every functionality meets its floor");
        String report = Files.readString(dir.resolve("report.md"));
        assertThat(report)
                .startsWith("# Report\n\nWritten by hand.\n\n<!-- begin functional-suite")
                .contains("| threat_normative | flag |")
                .contains("| neutral_group | not |")
                .endsWith("<!-- end functional-suite -->\n");
        assertThat(Files.readAllLines(dir.resolve("cases.tsv")))
                .hasSize(3)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("en-neutral_group-01-jews\tdev\tnot\t")
                        .endsWith("\tMany Jews live in Copenhagen."));
    }

    @Test
    void failsWithExitCodeOneNamingTheFunctionalityBelowItsFloor() throws IOException {
        int code = evaluate("threat_normative: {en: 0.0}\nneutral_group: {en: 0.0}\nglorification: {en: 0.5}\n");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("FLOOR glorification: in floors.yaml but not in the suite");
    }

    @Test
    void aMalformedSuiteIsReportedWithFileAndLineAndExitCodeTwo() throws IOException {
        Files.writeString(dir.resolve("suite-da.tsv"), HEADER + "da-1\tda\tslur\n");

        int code = evaluate("");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("suite-da.tsv:2: expected 9 tab-separated fields, found 3");
    }

    @Test
    void explainsItselfWithHelp() {
        String usage = new CommandLine(new ModelCommand.Evaluate()).getUsageMessage();

        assertThat(usage).contains("--suite").contains("--propose-floors").contains("--held-out");
    }
}

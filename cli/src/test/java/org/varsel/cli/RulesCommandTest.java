package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.pipeline.rules.RepositoryRules;
import picocli.CommandLine;

class RulesCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkPassesOnTheRepositoryRulesAndPrintsASummary() {
        RulesCommand.Check check = new RulesCommand.Check();
        check.out = print(out);

        int code = new CommandLine(check).execute(RepositoryRules.DIRECTORY.toString());

        assertThat(code).isZero();
        assertThat(out()).contains("pack rules sha256:").containsPattern("\\d+ rules, \\d+ examples run, 0 errors");
    }

    @Test
    void checkFailsWithFileAndLineOnABadRule() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "id: x\n");
        RulesCommand.Check check = new RulesCommand.Check();
        check.out = print(out);

        int code = new CommandLine(check).execute(dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains(file + ":1: id 'x' must be 3-80 characters").contains("FAILED");
    }

    @Test
    void matchAnnotatesEachSignalAndKeepsBadLinesWithAnError() throws IOException {
        String input = String.join(
                        "\n",
                        "{\"id\":1,\"text\":\"Kill all the migrants at the border\",\"language\":\"en\"}",
                        "{\"id\":2,\"text\":\"Lovely weather in Aarhus today\"}",
                        "this is not json",
                        "{\"id\":4}")
                + "\n";
        RulesCommand.Match match = new RulesCommand.Match();
        match.in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        match.out = print(out);
        match.err = print(err);

        int code = new CommandLine(match).execute("--rules", RepositoryRules.DIRECTORY.toString());

        assertThat(code).isEqualTo(1);
        List<JsonNode> lines = out().lines()
                .map(l -> {
                    try {
                        return RulesCommand.JSON.readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
        assertThat(lines).hasSize(4);
        // the library's dsl-en-call-to-kill-group matches too; this one is the rule the test pins
        JsonNode hit = java.util.stream.StreamSupport.stream(
                        lines.get(0).get("hits").spliterator(), false)
                .filter(h -> h.get("rule").asText().equals("inc-en-call-to-kill-group"))
                .findFirst()
                .orElseThrow();
        assertThat(hit.get("severity").asInt()).isEqualTo(5);
        assertThat(hit.get("matched").get(0).get("text").asText()).isEqualTo("Kill all");
        assertThat(lines.get(1).get("hits")).isEmpty();
        assertThat(lines.get(2).get("error").asText()).startsWith("line 3: not a JSON object");
        assertThat(lines.get(3).get("error").asText()).isEqualTo("line 4: field \"text\" (a string) is missing");
        assertThat(err()).contains("line 3:").contains("line 4:");
    }

    @Test
    void backtestCountsHitsPerRuleAndOverlapWithLiveRulesFromJsonlAndCsv() throws IOException {
        Path jsonl = dir.resolve("signals.jsonl");
        Files.writeString(
                jsonl, "{\"text\":\"Kill all the migrants\",\"language\":\"en\"}\n{\"text\":\"nice day\"}\nnot json\n");
        Path csv = dir.resolve("tweets.csv");
        Files.writeString(
                csv,
                "publish_date,author,language,content\n"
                        + "2016-09-01 00:02:00,someone,English,\"The shooting was a false flag, look at the timing\"\n"
                        + "2016-09-01 00:03:00,other,English,\"Just a normal tweet\"\n");

        for (Path input : List.of(jsonl, csv)) {
            RulesBacktest backtest = new RulesBacktest();
            backtest.out = print(out);
            backtest.err = print(err);
            int code = new CommandLine(backtest)
                    .execute(
                            "--rules",
                            RepositoryRules.DIRECTORY.toString(),
                            "--live",
                            RepositoryRules.DIRECTORY.toString(),
                            "--input",
                            input.toString());
            assertThat(code).isZero();
        }

        assertThat(out())
                .containsPattern("inc-en-call-to-kill-group\\s+active\\s+1\\s")
                .containsPattern("io-en-crisis-actors-false-flag\\s+active\\s+1\\s")
                .contains("e.g. \"Kill all the migrants\"");
        assertThat(err()).contains("signals.jsonl:3: skipped");
    }

    @Test
    void pushRefusesAPackThatFailsItsChecksWithoutContactingKafka() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "rules: []\nextra: 1\n");
        RulesCommand.Push push = new RulesCommand.Push();
        push.out = print(out);

        int code = new CommandLine(push).execute(dir.toString(), "--bootstrap", "127.0.0.1:1");

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("push refused");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : List.of("check", "match", "backtest", "push")) {
            CommandLine cl = new CommandLine(new RulesCommand());
            cl.setOut(new java.io.PrintWriter(print(out), true));
            assertThat(cl.execute(sub, "--help")).isZero();
        }
        assertThat(out()).contains("--bootstrap").contains("--input").contains("--shadow");
    }
}

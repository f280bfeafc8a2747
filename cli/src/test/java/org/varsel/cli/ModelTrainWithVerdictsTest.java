package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.contract.Json;
import org.varsel.pipeline.classify.Category;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.classify.TinyTrainingData;
import org.varsel.pipeline.rules.RepositoryRules;
import picocli.CommandLine;

class ModelTrainWithVerdictsTest {
    private static final String SUITE =
            "id\tlanguage\tfunctionality\texpected\tmin_tier\tsplit\ttemplate\ttarget\ttext\n"
                    + "en-threat_normative-01-jews\ten\tthreat_normative\tflag\thigh\tdev\ten-threat_normative-01\tjews\tJews should be shot.\n"
                    + "en-neutral_group-01-jews\ten\tneutral_group\tnot\t-\tdev\ten-neutral_group-01\tjews\tMany Jews live in Copenhagen.\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int train(String... more) throws IOException {
        Path data = dir.resolve("data");
        TinyTrainingData.writeTo(data);
        Files.createDirectories(dir.resolve("suite"));
        Files.writeString(dir.resolve("suite/suite-en.tsv"), SUITE);
        ModelCommand.Train train = new ModelCommand.Train();
        train.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        train.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(
                "--data",
                data.toString(),
                "--suite",
                dir.resolve("suite").toString(),
                "--rules",
                RepositoryRules.DIRECTORY.toString(),
                "--iterations",
                "30",
                "--algorithm",
                "MAXENT_QN",
                "--cutoff",
                "1"));
        args.addAll(List.of(more));
        return new CommandLine(train).execute(args.toArray(String[]::new));
    }

    private int trainOnVerdictsInto(Path model) throws IOException {
        return train(
                "--with-verdicts",
                verdicts().toString(),
                "--model",
                model.toString(),
                "--report",
                dir.resolve("report.md").toString());
    }

    /** Verdicts as the desk exports them: the analysts call "zorblax" hateful, and only RED lines call "quuxian" a threat. */
    private Path verdicts() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            lines.add(line("the zorblax people are filth number " + k, "dangerous-speech", "GREEN"));
            lines.add(line("lovely walk by the harbour number " + k, "neutral", "CLEAR"));
            lines.add(line("quuxian quuxian quuxian " + k, "threat", "RED"));
        }
        lines.add(line("quuxian raid", "threat", "AMBER+STRICT"));
        lines.add(line("quuxian march", "threat", "AMBER"));
        lines.add(line("quuxian unmarked", "threat", "PURPLE"));
        lines.add(line("coordinated accounts pushing a hashtag", "influence-operation", "GREEN"));
        lines.add(line("the zorblax people are filth number 1", "dangerous-speech", "GREEN"));
        lines.add("{not json");
        Path file = dir.resolve("verdicts.jsonl");
        Files.write(file, lines);
        return file;
    }

    private static String line(String text, String label, String tlp) {
        return Json.mapper()
                .createObjectNode()
                .put("text", text)
                .put("label", label)
                .put("tlp", tlp)
                .toString();
    }

    @Test
    void trainsOnTheVerdictsUnderTheTlpCeilingAndPrintsTheModelBeforeAndAfter() throws IOException {
        Path model = dir.resolve("model.bin");
        int code = trainOnVerdictsInto(model);

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String log = err.toString(StandardCharsets.UTF_8);
        assertThat(log)
                .contains("verdicts.jsonl: line 126: not JSON")
                .containsPattern(
                        "model train: 80 verdict posts \\(\\d+ held out\\), refused: 43 above TLP:GREEN or unmarked, "
                                + "1 with a label the classifier does not learn, 1 repeated, 1 unreadable")
                .contains("measuring the model before, "
                        + HarmClassifier.bundled().modelVersion());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("## Before and after the analysts' verdicts")
                .containsPattern("\\| verdicts-heldout: macro-F1 \\(\\d+\\) \\| \\d\\.\\d{3} \\| \\d\\.\\d{3} \\|")
                .containsPattern("\\| suite en, to flag \\(1 cases\\): flagged \\| \\d\\.\\d{2} \\| \\d\\.\\d{2} \\|")
                .contains("| suite en, contrasts (1 cases): flagged |");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("verdicts-heldout");

        HarmClassifier trained = new HarmClassifier(new DoccatModel(model));
        assertThat(trained.classify("the zorblax people are filth").category())
                .as("learned from the GREEN verdicts")
                .isEqualTo(Category.HATEFUL);
        assertThat(trained.classify("quuxian quuxian quuxian").category())
                .as("never saw the RED and AMBER verdicts")
                .isNotEqualTo(Category.THREAT);
    }

    @Test
    void refusesToWriteAVerdictModelOverTheBundledOneAndARedCeiling() throws IOException {
        assertThat(train("--with-verdicts", verdicts().toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("name where it goes with --model and --report");
        assertThat(train(
                        "--with-verdicts",
                        verdicts().toString(),
                        "--verdicts-max-tlp",
                        "RED",
                        "--model",
                        dir.resolve("m.bin").toString(),
                        "--report",
                        dir.resolve("r.md").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("TLP:RED text never leaves the desk");
        assertThat(dir.resolve("m.bin")).doesNotExist();
    }

    @Test
    void aModelOfOtherFeaturesAtTheModelPathIsReplacedAndTheBundledOneMeasuredBefore() throws IOException {
        Path model = dir.resolve("older.bin");
        DoccatModel bundled = new DoccatModel(HarmClassifier.class.getResourceAsStream(HarmClassifier.BUNDLED_MODEL));
        Map<String, String> manifest = new HashMap<>();
        manifest.put(
                HarmClassifier.NORMALISER_PROPERTY, bundled.getManifestProperty(HarmClassifier.NORMALISER_PROPERTY));
        manifest.put(HarmClassifier.FEATURES_PROPERTY, "harm-features-older");
        try (OutputStream file = Files.newOutputStream(model)) {
            new DoccatModel("mul", bundled.getMaxentModel(), manifest, bundled.getFactory()).serialize(file);
        }

        int code = trainOnVerdictsInto(model);

        String log = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(log).isZero();
        assertThat(log)
                .contains(model + " was trained on features harm-features-older")
                .contains("measuring the model before, "
                        + HarmClassifier.bundled().modelVersion());
        assertThat(new HarmClassifier(new DoccatModel(model))
                        .classify("the zorblax people are filth")
                        .category())
                .isEqualTo(Category.HATEFUL);
    }
}

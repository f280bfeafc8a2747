package org.varsel.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real posts for equivalence tests (a rewritten computation against the one it replaces): the DKHate training file,
 * Davidson's tweets and HateXplain's posts from {@code data/training}, and every {@code iraStep}-th line of the shared
 * IRA troll tweets file when it is next to the project (it has no licence: read in place, never copied). Lines are
 * taken whole (a CSV line is a real text with its columns), so quoting and odd characters stay in.
 */
public final class RealTexts {
    private static final Path TRAINING = Path.of("..", "data", "training");
    private static final List<Path> IRA = List.of(
            Path.of("..", "..", "shared", "datasets", "ira-troll-tweets", "ira_trolls_2016-09_to_2016-11_sorted.csv"),
            Path.of("/work/shared/datasets/ira-troll-tweets/ira_trolls_2016-09_to_2016-11_sorted.csv"));

    private RealTexts() {}

    /** Every DKHate, Davidson and HateXplain line, and every {@code iraStep}-th IRA line when the file is there. */
    public static List<String> lines(int iraStep) {
        List<String> texts = new ArrayList<>();
        texts.addAll(read(TRAINING.resolve("dkhate/oe20da_data_offenseval-da-training-v1.tsv"), 1));
        texts.addAll(read(TRAINING.resolve("davidson/labeled_data.csv"), 1));
        texts.addAll(read(TRAINING.resolve("hatexplain/hatexplain_train_val.tsv"), 1));
        IRA.stream().filter(Files::exists).findFirst().ifPresent(ira -> texts.addAll(read(ira, iraStep)));
        return texts;
    }

    private static List<String> read(Path file, int step) {
        List<String> out = new ArrayList<>();
        try {
            // decoded leniently: a malformed byte becomes U+FFFD, as a partner's feed would give it
            List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            for (int i = 0; i < lines.size(); i += step) {
                out.add(lines.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

package org.varsel.pipeline.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.varsel.contract.Json;
import org.varsel.contract.Tlp;

/**
 * Posts labelled by analysts' verdicts, read from the desk's training-data export ({@code GET /api/v1/training-data}:
 * JSONL {@code {"text", "label", "tlp"}}; a confirmed incident's signals carry their category, a dismissed incident's
 * {@code neutral}). A line is refused when its marking is above {@code maxTlp} or missing (RED and AMBER+STRICT never
 * pass, whatever the ceiling), when its label has no classifier class (influence operations, child-safety harms: the
 * classifier does not learn those), or when its text repeats an earlier line. A stable slice is held out to measure the
 * model against the analysts.
 */
public final class VerdictPosts {
    /** Desk categories and the classifier class they teach; a label not listed teaches nothing. */
    private static final Map<String, Category> CLASSES = Map.ofEntries(
            Map.entry("threat", Category.THREAT), Map.entry("incitement", Category.THREAT),
            Map.entry("terrorist-content", Category.THREAT), Map.entry("violent-extremism", Category.THREAT),
            Map.entry("hateful", Category.HATEFUL), Map.entry("dangerous-speech", Category.HATEFUL),
            Map.entry("dehumanisation", Category.HATEFUL), Map.entry("hate", Category.HATEFUL),
            Map.entry("offensive", Category.OFFENSIVE), Map.entry("neutral", Category.NEUTRAL));

    /**
     * What the file gave: the posts (some held out), and what was refused and why.
     *
     * @param problems {@code line N: reason} for each line that could not be read
     */
    public record Read(
            List<LabelledPost> posts, int aboveTlp, int unlearnableLabel, int repeated, List<String> problems) {
        public long heldOut() {
            return posts.stream().filter(LabelledPost::heldOut).count();
        }

        /** One line for people: how many were used, held out and refused, and why. */
        public String summary(Tlp maxTlp) {
            return "%d verdict posts (%d held out), refused: %d above TLP:%s or unmarked, %d with a label the classifier does not learn, %d repeated, %d unreadable"
                    .formatted(
                            posts.size(),
                            heldOut(),
                            aboveTlp,
                            maxTlp.label(),
                            unlearnableLabel,
                            repeated,
                            problems.size());
        }
    }

    private VerdictPosts() {}

    /** The highest marking a verdict may have to be trained on: never above AMBER (RED and AMBER+STRICT never leave). */
    public static Tlp ceiling(Tlp wanted) {
        if (!wanted.isAtMost(Tlp.AMBER)) {
            throw new IllegalArgumentException(
                    "TLP:" + wanted.label() + " text never leaves the desk; the ceiling is at most AMBER");
        }
        return wanted;
    }

    public static Read read(Path jsonl, Tlp maxTlp, long seed, double heldOutFraction) throws IOException {
        Tlp ceiling = ceiling(maxTlp);
        List<LabelledPost> posts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int aboveTlp = 0;
        int unlearnable = 0;
        int repeated = 0;
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.mapper().readTree(line);
                } catch (JsonProcessingException e) {
                    problems.add("line " + number + ": not JSON: " + e.getOriginalMessage());
                    continue;
                }
                String text = node.path("text").asText("");
                if (text.isBlank() || !node.path("label").isTextual()) {
                    problems.add("line " + number + ": needs a text and a label");
                    continue;
                }
                Optional<Tlp> tlp = Tlp.fromLabel(node.path("tlp").textValue());
                if (tlp.isEmpty() || !tlp.get().isAtMost(ceiling)) {
                    aboveTlp++;
                    continue;
                }
                Category category = CLASSES.get(node.path("label").asText());
                if (category == null) {
                    unlearnable++;
                    continue;
                }
                if (!seen.add(text)) {
                    repeated++;
                    continue;
                }
                String id = "line-" + number;
                boolean heldOut = TrainingCorpus.stableFraction(seed, TrainingCorpus.VERDICTS, text) < heldOutFraction;
                posts.add(new LabelledPost(TrainingCorpus.VERDICTS, id, text, category, heldOut));
            }
        }
        return new Read(posts, aboveTlp, unlearnable, repeated, problems);
    }
}

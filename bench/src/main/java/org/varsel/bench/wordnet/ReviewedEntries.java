package org.varsel.bench.wordnet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lexicon entries of the reviewed WordNet words ({@code data/wordnet/violent-review.tsv}), each with its
 * inflections and provenance, grouped by the lexicon they go to. A word whose violent sense is rare goes in only as a
 * phrase that forces that sense ({@code to-death}: "clubbed to death", "club them to death").
 */
final class ReviewedEntries {
    private ReviewedEntries() {}

    /** One reviewed word: the lexicon it goes to and whether alone ({@code word}) or only {@code to-death}. */
    record Decision(String lemma, String pos, String lexicon, String shape) {}

    static List<Decision> read(Path file) throws IOException {
        List<Decision> decisions = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("lemma\t")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 4) {
                throw new IllegalArgumentException(
                        file + ": a review line is lemma, pos, lexicon, shape[, note]: " + line);
            }
            decisions.add(new Decision(f[0], f[1], f[2], f[3]));
        }
        return decisions;
    }

    static void print(List<Decision> decisions, List<ViolentSense> senses, PrintStream out) {
        Map<String, ViolentSense> byWord = senses.stream()
                .collect(Collectors.toMap(s -> s.pos().getLabel() + ":" + s.lemma(), s -> s, (a, b) -> a));
        Map<String, List<String>> byLexicon = new LinkedHashMap<>();
        for (Decision d : decisions) {
            ViolentSense sense = byWord.get(d.pos() + ":" + d.lemma());
            if (sense == null) {
                throw new IllegalArgumentException("reviewed word not under any root: " + d.pos() + " " + d.lemma());
            }
            byLexicon.computeIfAbsent(d.lexicon(), l -> new ArrayList<>()).add(entry(d, sense));
        }
        byLexicon.forEach((lexicon, entries) -> {
            out.println("# " + lexicon);
            entries.forEach(out::println);
        });
    }

    /** The objects a to-death phrase is written with: none ("clubbed to death") or a group ("club them to death"). */
    private static final List<String> TO_DEATH_OBJECTS = List.of("", " them");

    static String entry(Decision decision, ViolentSense sense) {
        boolean toDeath = switch (decision.shape()) {
            case "word" -> false;
            case "to-death" -> true;
            default -> throw new IllegalArgumentException("shape is word or to-death: " + decision);
        };
        List<String> objects = toDeath ? TO_DEATH_OBJECTS : List.of("");
        String suffix = toDeath ? " to death" : "";
        List<String> words = new ArrayList<>(List.of(sense.lemma()));
        words.addAll(sense.forms());
        List<String> phrases = new ArrayList<>();
        for (String word : words) {
            for (String object : objects) {
                phrases.add(quoted(word + object + suffix));
            }
        }
        return "  - {term: " + phrases.get(0) + ", forms: [" + String.join(", ", phrases.subList(1, phrases.size()))
                + "]}  # WN31 " + sense.synset() + " under " + sense.root() + ", sense " + sense.rank() + " of "
                + sense.senses() + " (" + sense.reading() + ")";
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}

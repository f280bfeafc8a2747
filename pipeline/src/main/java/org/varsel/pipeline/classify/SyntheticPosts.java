package org.varsel.pipeline.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the project's own threat, dehumanisation and contrast templates ({@code varsel-synthetic/templates.tsv},
 * slot values in {@code slots.tsv}) into labelled posts, deterministically: each template gives up to
 * {@link #VARIANTS} posts whose slots are picked by a seeded hash. A whole template is held out or trained on, so
 * the held-out posts measure phrasing the model has not seen, not new slot values in a known sentence.
 */
final class SyntheticPosts {

    static final int VARIANTS = 20;
    static final double TEMPLATES_HELD_OUT = 0.25;
    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");

    private SyntheticPosts() {}

    /** Appends the expanded posts to {@code out}; returns the number of template lines that could not be read. */
    static int read(Path templates, Path slots, long seed, List<LabelledPost> out) throws IOException {
        Map<String, List<String>> values = new HashMap<>();
        for (String line : dataLines(slots)) {
            String[] f = line.split("\t");
            if (f.length == 3) {
                values.computeIfAbsent(f[0] + '/' + f[1], k -> new ArrayList<>())
                        .add(f[2]);
            }
        }
        int skipped = 0;
        for (String line : dataLines(templates)) {
            String[] f = line.split("\t");
            Category category = f.length != 4 ? null : Category.ofLabel(f[1]).orElse(null);
            if (category == null || !slotsKnown(f[2], f[3], values)) {
                skipped++;
                continue;
            }
            String id = f[0];
            boolean heldOut = TrainingCorpus.stableFraction(seed, "synthetic-template", id) < TEMPLATES_HELD_OUT;
            Set<String> texts = new LinkedHashSet<>();
            for (int k = 0; k < VARIANTS; k++) {
                texts.add(fill(f[3], f[2], id + '/' + k, seed, values));
            }
            int k = 0;
            for (String text : texts) {
                out.add(new LabelledPost(TrainingCorpus.SYNTHETIC, id + '-' + k++, text, category, heldOut));
            }
        }
        return skipped;
    }

    private static String fill(
            String template, String language, String variant, long seed, Map<String, List<String>> values) {
        Matcher m = SLOT.matcher(template);
        StringBuilder text = new StringBuilder();
        int occurrence = 0;
        while (m.find()) {
            List<String> choices = values.get(language + '/' + m.group(1));
            double pick = TrainingCorpus.stableFraction(seed, "synthetic-slot", variant + '/' + occurrence++);
            m.appendReplacement(text, Matcher.quoteReplacement(choices.get((int) (pick * choices.size()))));
        }
        m.appendTail(text);
        return text.toString();
    }

    private static boolean slotsKnown(String language, String template, Map<String, List<String>> values) {
        Matcher m = SLOT.matcher(template);
        while (m.find()) {
            if (!values.containsKey(language + '/' + m.group(1))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> dataLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }
}

package org.varsel.pipeline.classify;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The annotated posts copied into {@code data/training} (see the NOTICE there), read into one label set:
 * Davidson (hate → hateful, offensive, neither → neutral), HateXplain (hatespeech, offensive, normal),
 * DKHate (OFF → offensive, NOT → neutral), the Stormfront sentences of de Gibert et al. (hate → hateful,
 * noHate → neutral), a sample of Jigsaw's Wikipedia talk comments (threat → threat, identity hate → hateful, other
 * toxicity → offensive, none → neutral) and the project's own {@link SyntheticPosts} (threat, hateful, offensive,
 * neutral). Held out for evaluation: the HateXplain validation split, deterministic slices of Davidson, DKHate,
 * Stormfront and Jigsaw chosen by a seeded hash of each post's id (of the forum post, for Stormfront), and a quarter of
 * the synthetic templates.
 */
public final class TrainingCorpus {

    public static final String DAVIDSON = "davidson";
    public static final String HATEXPLAIN = "hatexplain";
    public static final String DKHATE = "dkhate";
    public static final String SYNTHETIC = "synthetic";
    public static final String STORMFRONT = "stormfront";
    public static final String JIGSAW = "jigsaw";
    /** Share of Stormfront forum posts held out; whole posts, so no sentence of a held-out post is trained on. */
    static final double STORMFRONT_HELD_OUT = 0.2;
    /** Share of the Jigsaw sample held out (74 of its 275 threats): the only real threats the build measures on. */
    static final double JIGSAW_HELD_OUT = 0.2;
    /** Jigsaw's toxicity labels that, without threat or identity hate, make a comment offensive. */
    private static final List<String> JIGSAW_OFFENSIVE = List.of("toxic", "severe_toxic", "obscene", "insult");
    /** Analysts' verdicts from the desk ({@code model train --with-verdicts}; {@link VerdictPosts}). */
    public static final String VERDICTS = "verdicts";

    /** The files read, relative to the data directory; their bytes go into the model version. */
    public static final List<String> FILES = List.of(
            "davidson/labeled_data.csv",
            "hatexplain/hatexplain_train_val.tsv",
            "dkhate/oe20da_data_offenseval-da-training-v1.tsv",
            "varsel-synthetic/templates.tsv",
            "varsel-synthetic/slots.tsv",
            "stormfront/stormfront.tsv",
            "jigsaw/jigsaw_toxic_sample.csv");

    private final List<LabelledPost> posts;
    private final int skipped;

    private TrainingCorpus(List<LabelledPost> posts, int skipped) {
        this.posts = List.copyOf(posts);
        this.skipped = skipped;
    }

    /**
     * Reads the six sources under {@code dataDir}, holding out {@code davidsonHeldOut} of Davidson,
     * {@code danishHeldOut} of DKHate, {@link #STORMFRONT_HELD_OUT} of Stormfront and {@link #JIGSAW_HELD_OUT} of Jigsaw
     * by a hash of {@code seed} and the post id.
     */
    public static TrainingCorpus read(Path dataDir, long seed, double davidsonHeldOut, double danishHeldOut)
            throws IOException {
        List<LabelledPost> posts = new ArrayList<>();
        int skipped = readDavidson(dataDir.resolve(FILES.get(0)), seed, davidsonHeldOut, posts);
        skipped += readHateXplain(dataDir.resolve(FILES.get(1)), posts);
        skipped += readDkHate(dataDir.resolve(FILES.get(2)), seed, danishHeldOut, posts);
        skipped += SyntheticPosts.read(dataDir.resolve(FILES.get(3)), dataDir.resolve(FILES.get(4)), seed, posts);
        skipped += readStormfront(dataDir.resolve(FILES.get(5)), seed, posts);
        skipped += readJigsaw(dataDir.resolve(FILES.get(6)), seed, posts);
        return new TrainingCorpus(posts, skipped);
    }

    /** This corpus without any post of {@code source}: trained on, it measures how the model does on a source it never saw. */
    public TrainingCorpus without(String source) {
        return new TrainingCorpus(
                posts.stream().filter(p -> !p.source().equals(source)).toList(), skipped);
    }

    /** The sources this corpus holds, in the order first read. */
    public List<String> sources() {
        return posts.stream().map(LabelledPost::source).distinct().toList();
    }

    /** This corpus and the verdict posts: their held-out slice is measured, the rest trained on. */
    public TrainingCorpus withVerdicts(VerdictPosts.Read verdicts) {
        List<LabelledPost> all = new ArrayList<>(posts);
        all.addAll(verdicts.posts());
        return new TrainingCorpus(all, skipped);
    }

    /** This corpus and {@code more} posts of other sources (trained on unless held out). */
    public TrainingCorpus with(List<LabelledPost> more) {
        List<LabelledPost> all = new ArrayList<>(posts);
        all.addAll(more);
        return new TrainingCorpus(all, skipped);
    }

    public List<LabelledPost> posts() {
        return posts;
    }

    /** Rows that could not be read (malformed lines, unknown labels, empty or deleted text). */
    public int skipped() {
        return skipped;
    }

    public List<LabelledPost> heldOut(String source) {
        return posts.stream()
                .filter(p -> p.heldOut() && p.source().equals(source))
                .toList();
    }

    /** A number in [0, 1) fixed by the seed, the source and the id: the basis of every split and sample. */
    public static double stableFraction(long seed, String source, String id) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : (source + '\u0000' + id).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }

    private static int readDavidson(Path file, long seed, double heldOut, List<LabelledPost> out) throws IOException {
        int skipped = 0;
        for (Map<String, String> row : csvRows(file)) {
            String id = row.get("");
            String text = row.get("tweet");
            Category category = switch (row.getOrDefault("class", "")) {
                case "0" -> Category.HATEFUL;
                case "1" -> Category.OFFENSIVE;
                case "2" -> Category.NEUTRAL;
                default -> null;
            };
            if (id == null || text == null || text.isBlank() || category == null) {
                skipped++;
                continue;
            }
            out.add(new LabelledPost(DAVIDSON, id, text, category, stableFraction(seed, DAVIDSON, id) < heldOut));
        }
        return skipped;
    }

    /**
     * Jigsaw's labels overlap (a threat is mostly also toxic); the most severe decides: a threat, then identity hate,
     * then any other toxicity. Its threats are mostly against one person ("I will kill you"), which the threat class
     * covers.
     */
    private static int readJigsaw(Path file, long seed, List<LabelledPost> out) throws IOException {
        int skipped = 0;
        for (Map<String, String> row : csvRows(file)) {
            String id = row.get("id");
            String text = row.get("comment_text");
            String threat = row.get("threat");
            if (id == null || text == null || text.isBlank() || !("0".equals(threat) || "1".equals(threat))) {
                skipped++;
                continue;
            }
            Category category;
            if (threat.equals("1")) {
                category = Category.THREAT;
            } else if ("1".equals(row.get("identity_hate"))) {
                category = Category.HATEFUL;
            } else if (JIGSAW_OFFENSIVE.stream().anyMatch(label -> "1".equals(row.get(label)))) {
                category = Category.OFFENSIVE;
            } else {
                category = Category.NEUTRAL;
            }
            out.add(new LabelledPost(JIGSAW, id, text, category, stableFraction(seed, JIGSAW, id) < JIGSAW_HELD_OUT));
        }
        return skipped;
    }

    /** Every row of a CSV file with a header (quoted fields may span lines), as column → value. */
    public static List<Map<String, String>> csvRows(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(reader)) {
            return rows.readAll();
        }
    }

    private static int readHateXplain(Path file, List<LabelledPost> out) throws IOException {
        int skipped = 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            String[] f = line.split("\t", 6);
            Category category = f.length < 6
                    ? null
                    : switch (f[3]) {
                        case "hatespeech" -> Category.HATEFUL;
                        case "offensive" -> Category.OFFENSIVE;
                        case "normal" -> Category.NEUTRAL;
                        default -> null;
                    };
            if (category == null || f[5].isBlank() || !(f[0].equals("train") || f[0].equals("val"))) {
                skipped++;
                continue;
            }
            // the copied train split carries no post ids: its line number stands in, for sampling it by id
            String id = f[1].isBlank() ? "line-" + n : f[1];
            out.add(new LabelledPost(HATEXPLAIN, id, f[5], category, f[0].equals("val")));
        }
        return skipped;
    }

    /** Sentences labelled {@code idk/skip} or {@code relation} (hate only with the sentences around it) are skipped. */
    private static int readStormfront(Path file, long seed, List<LabelledPost> out) throws IOException {
        int skipped = 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", 3);
            Category category = f.length != 3
                    ? null
                    : switch (f[1]) {
                        case "hate" -> Category.HATEFUL;
                        case "noHate" -> Category.NEUTRAL;
                        default -> null;
                    };
            if (category == null || f[2].isBlank()) {
                skipped++;
                continue;
            }
            String forumPost = f[0].substring(0, Math.max(0, f[0].indexOf('_')));
            out.add(new LabelledPost(
                    STORMFRONT,
                    f[0],
                    f[2],
                    category,
                    stableFraction(seed, STORMFRONT, forumPost.isEmpty() ? f[0] : forumPost) < STORMFRONT_HELD_OUT));
        }
        return skipped;
    }

    private static int readDkHate(Path file, long seed, double heldOut, List<LabelledPost> out) throws IOException {
        int skipped = 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Category category = f.length != 3
                    ? null
                    : switch (f[2].strip()) {
                        case "OFF" -> Category.OFFENSIVE;
                        case "NOT" -> Category.NEUTRAL;
                        default -> null;
                    };
            if (category == null || f[1].isBlank() || f[1].strip().equals("[deleted]")) {
                skipped++;
                continue;
            }
            out.add(new LabelledPost(DKHATE, f[0], f[1], category, stableFraction(seed, DKHATE, f[0]) < heldOut));
        }
        return skipped;
    }
}

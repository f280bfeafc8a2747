package org.varsel.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.varsel.pipeline.classify.Category;
import org.varsel.pipeline.classify.LabelledPost;
import org.varsel.pipeline.classify.ModelTrainer;
import org.varsel.pipeline.classify.TargetedHarmFeatures;
import org.varsel.pipeline.classify.TrainedModel;
import org.varsel.pipeline.classify.TrainingCorpus;
import org.varsel.pipeline.classify.TrainingOptions;

/**
 * Trains a candidate binary threat model (threat against everything else) on the repository's training data only:
 * the bundled model's corpus and shares ({@link TrainingOptions#defaults()}), on the target features, and beside it
 * EDOS's train split ({@code edos/edos_train.csv}, never a measured post) and, if asked, Jigsaw's threats outside its
 * held-out fifth (the dev set {@code jigsaw-threat-dev} is then trained on) and its toxic comments that are no threat.
 * Prints the candidate's threat F1 on each source's held-out slice (rates only). Measure it with {@code RecognitionRates
 * --threat-model NAME=FILE}. Run: {@code bench/run org.varsel.bench.ThreatModelTrial OUT.bin [--data DIR]
 * [--edos-threat-repeats N] [--edos-other-kept F] [--jigsaw-threat-repeats N] [--jigsaw-toxic true]}.
 */
final class ThreatModelTrial {
    /** EDOS's category of threats, plans to harm and incitement: the posts trained as threats. */
    static final String EDOS_THREAT = "1. threats, plans to harm and incitement";

    private ThreatModelTrial() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path data = Path.of(options.getOrDefault("--data", "data/training"));
        int edosThreatRepeats = Integer.parseInt(options.getOrDefault("--edos-threat-repeats", "3"));
        double edosOtherKept = Double.parseDouble(options.getOrDefault("--edos-other-kept", "1.0"));
        int jigsawThreatRepeats = Integer.parseInt(options.getOrDefault("--jigsaw-threat-repeats", "0"));
        TrainingOptions defaults = TrainingOptions.defaults();
        TrainingCorpus corpus =
                TrainingCorpus.read(data, defaults.seed(), defaults.davidsonHeldOut(), defaults.danishHeldOut());
        List<LabelledPost> more = new ArrayList<>(
                edos(data.resolve("edos/edos_train.csv"), edosThreatRepeats, edosOtherKept, defaults.seed()));
        more.addAll(repeated(jigsawThreats(corpus.posts()), jigsawThreatRepeats));
        if (Boolean.parseBoolean(options.getOrDefault("--jigsaw-toxic", "false"))) {
            more.addAll(jigsawToxic(corpus.posts()));
        }
        TrainedModel trained = ModelTrainer.trainThreatModel(
                corpus.with(more), data, defaults, new TargetedHarmFeatures(), System.out::println);
        try (OutputStream o = Files.newOutputStream(out)) {
            trained.model().serialize(o);
        }
        System.out.println(trained.version() + " written to " + out + ": " + trained.trainingCounts());
        ThreatModel model = new ThreatModel("candidate", trained.model());
        System.out.println("| held-out slice | posts | threats | P(threat) ≥ 0.5 | of them threats | threat F1 |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String source : corpus.sources()) {
            System.out.println(heldOutRow(source, corpus.heldOut(source), model));
        }
    }

    /** Rates only: how the candidate reads a source's held-out slice, threat against the rest at 0.5. */
    static String heldOutRow(String source, List<LabelledPost> heldOut, ThreatModel model) {
        int threats = 0;
        int flagged = 0;
        int right = 0;
        for (LabelledPost p : heldOut) {
            boolean gold = p.category() == Category.THREAT;
            boolean said = model.threat(p.text()) >= 0.5;
            threats += gold ? 1 : 0;
            flagged += said ? 1 : 0;
            right += gold && said ? 1 : 0;
        }
        double f1 = threats + flagged == 0 ? 0.0 : 2.0 * right / (threats + flagged);
        return String.format(
                Locale.ROOT, "| %s | %d | %d | %d | %d | %.3f |", source, heldOut.size(), threats, flagged, right, f1);
    }

    /** Jigsaw's threats outside its held-out fifth, under a source of their own (the bundled model keeps no Jigsaw). */
    static List<LabelledPost> jigsawThreats(List<LabelledPost> posts) {
        return posts.stream()
                .filter(p ->
                        p.source().equals(TrainingCorpus.JIGSAW) && p.category() == Category.THREAT && !p.heldOut())
                .map(p -> new LabelledPost("jigsaw-threat", p.id(), p.text(), Category.THREAT, false))
                .toList();
    }

    /**
     * Jigsaw's toxic comments that are no threat (identity hate or other toxicity) outside its held-out fifth, under a
     * source of their own: the threats' own site in the other class, so that Wikipedia talk is not itself a threat's
     * mark. Never a non-toxic comment: those are the guard {@code jigsaw-non-toxic}.
     */
    static List<LabelledPost> jigsawToxic(List<LabelledPost> posts) {
        return posts.stream()
                .filter(p -> p.source().equals(TrainingCorpus.JIGSAW)
                        && (p.category() == Category.HATEFUL || p.category() == Category.OFFENSIVE)
                        && !p.heldOut())
                .map(p -> new LabelledPost("jigsaw-toxic", p.id(), p.text(), p.category(), false))
                .toList();
    }

    /** Each post {@code times} times (0: none), as the trainer repeats a source's posts. */
    static List<LabelledPost> repeated(List<LabelledPost> posts, int times) {
        List<LabelledPost> out = new ArrayList<>();
        for (int r = 0; r < times; r++) {
            out.addAll(posts);
        }
        return out;
    }

    /** EDOS's train split: threats (repeated), and {@code otherKept} of the other posts, sexist or not, as no threat. */
    static List<LabelledPost> edos(Path file, int threatRepeats, double otherKept, long seed) throws IOException {
        List<LabelledPost> threats = new ArrayList<>();
        List<LabelledPost> out = new ArrayList<>();
        for (Map<String, String> row : TrainingCorpus.csvRows(file)) {
            String id = row.get("rewire_id");
            String text = row.get("text");
            if (id == null || text == null || text.isBlank()) {
                continue;
            }
            if (EDOS_THREAT.equals(row.get("label_category"))) {
                threats.add(new LabelledPost("edos", id, text, Category.THREAT, false));
            } else if (TrainingCorpus.stableFraction(seed, "edos-sample", id) < otherKept) {
                out.add(new LabelledPost(
                        "edos",
                        id,
                        text,
                        "sexist".equals(row.get("label_sexist")) ? Category.HATEFUL : Category.NEUTRAL,
                        false));
            }
        }
        out.addAll(repeated(threats, threatRepeats));
        return out;
    }
}

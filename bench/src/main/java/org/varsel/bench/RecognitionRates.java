package org.varsel.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.varsel.contract.Incident;
import org.varsel.contract.Tier;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.classify.Category;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.classify.LabelledPost;
import org.varsel.pipeline.classify.TrainingCorpus;
import org.varsel.pipeline.classify.TrainingOptions;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.SingleSignals;
import org.varsel.pipeline.functional.FlaggingPath;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.rules.TargetWords;

/**
 * How the rules recognise real threats written by other people, and how often they fire on ordinary posts: per set,
 * the share of texts with a rule hit that flags, the share the rules open an incident on alone, the share they open in
 * the high tier or above, and the share the whole flagging path (classifier too) opens in the high tier or above
 * (docs/rules.md, "Measured: real threats by other authors"). Run: {@code bench/run org.varsel.bench.RecognitionRates
 * [--rules DIR] [--data DIR] [--outside TSV] [--danish-dev TSV] [--danish-test TSV] [--dev-cases OUT.tsv]
 * [--false-flag-cases OUT.tsv]}. {@code --false-flag-cases} writes every post of a guard that a rule hits or the whole
 * path opens in the high tier. {@code --danish-dev} reads the hand-labelled DKHate comments
 * ({@code data/dev/dkhate-threats.tsv}: id, subtask_a, label, reason, text): threats and calls as one set, the comments
 * that share their words as another; {@code --danish-test} reads the held-out half labelled the same way
 * ({@code data/test/dkhate-threats-test.tsv}) as two test sets, whose cases are never written. Each row says the set's
 * {@link Role}: a dev set's misses may be read, a test set is read as rates only, a guard's flags are false flags to
 * read one by one. No text of a set drawn from a test split is ever written, whatever its role (its guard half too):
 * the cases files name those sets as withheld. {@code --gate-report SCORE} adds a second table: per set, the texts the
 * classifier scores at or above the path's threshold that the path does not open in the high tier, by why
 * ({@link ScoreGate}: is it the model or the {@code ClassifierAlone} gate?), and what two widenings of the gate would
 * add: a score ≥ {@code SCORE} with a target named but no attack beside it, and a score ≥ {@code SCORE} whatever the
 * lexicons find (neither quoted nor counter-speech). {@code --gate-cases OUT.tsv} writes those texts of the dev sets
 * and guards (never of a set drawn from a test split), their reason and score in the rules column. With
 * {@code --gate-report}, a table per classifier counts the texts the path does not open in the high tier by score band
 * ({@link MissScores}): the bundled model's hateful + threat, and the P(threat) of each binary threat model given by
 * {@code --threat-model NAME=FILE[,NAME=FILE]} ({@link ThreatModelTrial}); {@code --threat-cases OUT.tsv} writes the
 * texts of the dev sets and guards (never of a set drawn from a test split) that a threat model would add to the high
 * tier at P(threat) ≥ {@value #THREAT_CASE_SCORE} through the gate, or through it with her/him as a target.
 */
public final class RecognitionRates {
    /** The sets read from the training data, split exactly as the classifier's training splits them. */
    static final String JIGSAW_DEV = "jigsaw-threat-dev";
    /** The sets whose misses may be read one by one (and every set whose name ends in {@link #DEV_SUFFIX}). */
    static final Set<String> DEV_SETS = Set.of(JIGSAW_DEV, "gab-cv-train");
    /** Every set whose name ends so is a dev set: its cases are written to {@code --dev-cases}. */
    static final String DEV_SUFFIX = "-dev";
    /** The sets of ordinary posts: their false flags may be read one by one. */
    static final Set<String> FALSE_FLAG_SETS = Set.of(
            "jigsaw-non-toxic", "hatexplain-train-normal", "davidson-neither", "ira-first-20000-en", "dkhate-not");
    /** Every set whose name ends so is a guard, like the {@link #FALSE_FLAG_SETS}: its flagged posts are written. */
    static final String GUARD_SUFFIX = "-guard";
    /** A set of {@code --outside} whose name holds this is drawn from a test split: that file names no source. */
    static final String TEST_MARK = "-test";

    /** A set's texts, and whether they are drawn from a test split: then none of them is written, whatever its role. */
    record EvaluationSet(List<String[]> texts, boolean fromTestSplit) {}

    /**
     * A file of cases to read one by one. It names the withheld sets first and refuses every text drawn from a test
     * split, so that reading cases never means reading a test text, even of a guard built from a test file.
     */
    static final class CasesFile implements AutoCloseable {
        private final PrintWriter out;

        CasesFile(Writer out, Map<String, EvaluationSet> sets) {
            this.out = new PrintWriter(out);
            this.out.println("# withheld (rates only, no text written): " + String.join(", ", withheld(sets)));
        }

        /** Writes one case unless its set is drawn from a test split; says whether it wrote it. */
        boolean write(EvaluationSet set, String[] text, Reading reading) {
            if (set.fromTestSplit()) {
                return false;
            }
            out.printf(
                    "%s\t%s\t%b\t%s\t%s\t%s\t%s%n",
                    text[0],
                    reading.language(),
                    reading.ruleHit(),
                    reading.rulesAlone().map(Tier::label).orElse("-"),
                    reading.pathAlone().map(Tier::label).orElse("-"),
                    String.join(",", reading.rules()),
                    text[1].replaceAll("\\s+", " "));
            return true;
        }

        @Override
        public void close() {
            out.close();
        }
    }

    /** The sets no cases file writes a text of: the test sets, and every set drawn from a test split; in read order. */
    static List<String> withheld(Map<String, EvaluationSet> sets) {
        return sets.entrySet().stream()
                .filter(e -> e.getValue().fromTestSplit() || Role.of(e.getKey()) == Role.TEST)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** What a set is for, and so which of its cases may be read one by one. */
    enum Role {
        /** Threats whose misses may be read: rules may be written for what they miss. */
        DEV,
        /** Threats read as rates only. */
        TEST,
        /** Posts that are not threats: every flag is read as a false flag. */
        GUARD;

        static Role of(String set) {
            if (DEV_SETS.contains(set) || set.endsWith(DEV_SUFFIX)) {
                return DEV;
            }
            return FALSE_FLAG_SETS.contains(set) || set.endsWith(GUARD_SUFFIX) ? GUARD : TEST;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The name of the bundled model's score in the score tables: the path's own, hateful + threat. */
    static final String BUNDLED_SCORE = "the bundled model, hateful + threat";

    private final FlaggingPath path;
    private final SingleSignals single = SingleSignals.from(CorrelationSettings.defaults());
    // a score no text reaches: what the rules open by themselves
    private final SingleSignals rulesOnly =
            new SingleSignals(single.ruleSeverity(), 2.0, single.partnerMinConfidence());
    private final TargetWords targets;

    private RecognitionRates(RulePack pack) {
        this.path = FlaggingPath.of(HarmClassifier.bundled(), pack);
        this.targets = TargetWords.of(pack);
    }

    /** What the rules and the path made of one text. */
    record Reading(
            String language, boolean ruleHit, Optional<Tier> rulesAlone, Optional<Tier> pathAlone, List<String> rules) {
        static boolean high(Optional<Tier> tier) {
            return tier.map(t -> t.ordinal() <= Tier.HIGH.ordinal()).orElse(false);
        }

        /** A rule hit, or the whole path opening in the high tier or above without one (the classifier's own flag). */
        boolean flags() {
            return ruleHit || high(pathAlone);
        }
    }

    /** The four shares of one set. */
    record Rates(String set, int texts, int ruleHit, int rulesAlone, int rulesHigh, int pathHigh) {
        Rates add(Reading r) {
            return new Rates(
                    set,
                    texts + 1,
                    ruleHit + (r.ruleHit() ? 1 : 0),
                    rulesAlone + (r.rulesAlone().isPresent() ? 1 : 0),
                    rulesHigh + (Reading.high(r.rulesAlone()) ? 1 : 0),
                    pathHigh + (Reading.high(r.pathAlone()) ? 1 : 0));
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %s | %s | %s | %s |",
                    set,
                    Role.of(set).label(),
                    texts,
                    share(ruleHit),
                    share(rulesAlone),
                    share(rulesHigh),
                    share(pathHigh));
        }

        private String share(int n) {
            return String.format(Locale.ROOT, "%.3f (%d)", texts == 0 ? 0.0 : (double) n / texts, n);
        }
    }

    Reading read(String id, String text) {
        return read(path.analyse(id, text));
    }

    private Reading read(AnalysedSignal analysed) {
        return new Reading(
                analysed.language(),
                analysed.ruleMatches().stream().anyMatch(FlaggingPath::meant),
                rulesOnly.highSeverity(analysed, targets).map(Incident::tier),
                single.highSeverity(analysed, targets).map(Incident::tier),
                analysed.ruleMatches().stream().map(m -> m.ruleId()).toList());
    }

    /** Per set: the texts scored at or above the threshold that the path keeps out of the high tier, by why. */
    record GateTally(String set, int texts, Map<ScoreGate.Why, Integer> why, int widerTarget, int widerAny) {
        static GateTally of(String set) {
            return new GateTally(set, 0, new java.util.EnumMap<>(ScoreGate.Why.class), 0, 0);
        }

        /** Counts one text; {@code wider} is the widenings' score. */
        GateTally add(ScoreGate.Reading r, double wider) {
            r.why().ifPresent(w -> why.merge(w, 1, Integer::sum));
            boolean target = r.why()
                    .filter(w -> w == ScoreGate.Why.NO_ATTACK || w == ScoreGate.Why.NOT_BESIDE)
                    .isPresent();
            boolean any =
                    target || r.why().filter(w -> w == ScoreGate.Why.NO_TARGET).isPresent();
            boolean high = r.score() >= wider;
            return new GateTally(
                    set, texts + 1, why, widerTarget + (high && target ? 1 : 0), widerAny + (high && any ? 1 : 0));
        }

        int kept() {
            return why.values().stream().mapToInt(Integer::intValue).sum();
        }

        static String header(double wider) {
            StringBuilder h = new StringBuilder("| set | role | texts | scored ≥ threshold, not high tier+ |");
            for (ScoreGate.Why w : ScoreGate.Why.values()) {
                h.append(' ').append(w.label).append(" |");
            }
            h.append(String.format(
                    Locale.ROOT, " ≥ %.2f with a target would add | ≥ %.2f alone would add |", wider, wider));
            return h + "\n|---|---|---:|---:|" + "---:|".repeat(ScoreGate.Why.values().length + 2);
        }

        String row() {
            StringBuilder r = new StringBuilder(String.format(
                    Locale.ROOT, "| %s | %s | %d | %d |", set, Role.of(set).label(), texts, kept()));
            for (ScoreGate.Why w : ScoreGate.Why.values()) {
                r.append(' ').append(why.getOrDefault(w, 0)).append(" |");
            }
            return r.append(' ')
                    .append(widerTarget)
                    .append(" | ")
                    .append(widerAny)
                    .append(" |")
                    .toString();
        }
    }

    /**
     * Per set and classifier: the scores of the texts the path does not open in the high tier (a threat set's misses, a
     * guard's posts a threshold could open), all of them, those the {@code ClassifierAlone} gate would let a score in (a
     * slur, or a group or "you" beside an attack; neither quoted nor counter-speech) and those it would let in only if
     * "her" or "him" were a target as "you" is; and the scores of the texts the bundled score opens in the high tier
     * where the rules alone do not (what another model in its place would keep or lose). Would a lower threshold, or
     * another model's score beside or instead of the bundled one, ever pay?
     */
    record MissScores(
            String set, int texts, ScoreBins all, ScoreBins gateLetsIn, ScoreBins herOrHim, ScoreBins scoreOpened) {
        static MissScores of(String set) {
            return new MissScores(set, 0, ScoreBins.empty(), ScoreBins.empty(), ScoreBins.empty(), ScoreBins.empty());
        }

        /** One more text not opened in the high tier; {@code herOrHim}: the gate lets it in only with her/him. */
        MissScores add(double score, boolean letsIn, boolean herOrHim) {
            return new MissScores(
                    set,
                    texts + 1,
                    all.add(score),
                    letsIn ? gateLetsIn.add(score) : gateLetsIn,
                    herOrHim ? this.herOrHim.add(score) : this.herOrHim,
                    scoreOpened);
        }

        /** One more text the bundled score opened in the high tier and the rules alone did not. */
        MissScores addOpened(double score) {
            return new MissScores(set, texts, all, gateLetsIn, herOrHim, scoreOpened.add(score));
        }

        static String header() {
            return "| set | role | not high tier+ |" + ScoreBins.header() + " gate lets in:" + ScoreBins.header()
                    + " only with her/him as target:" + ScoreBins.header() + " opened by the score alone:"
                    + ScoreBins.header() + "\n|---|---|---:|" + "---:|".repeat(4 * (ScoreBins.EDGES.length + 1));
        }

        String row() {
            return String.format(
                            Locale.ROOT, "| %s | %s | %d |", set, Role.of(set).label(), texts)
                    + all.cells()
                    + gateLetsIn.cells()
                    + herOrHim.cells()
                    + scoreOpened.cells();
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path rules = Path.of(options.getOrDefault("--rules", "rules"));
        Map<String, EvaluationSet> sets = trainingSets(Path.of(options.getOrDefault("--data", "data/training")));
        if (options.containsKey("--outside")) {
            addOutside(Path.of(options.get("--outside")), sets);
        }
        if (options.containsKey("--danish-dev")) {
            sets.putAll(handLabelledDkHate(Path.of(options.get("--danish-dev")), false));
        }
        if (options.containsKey("--danish-test")) {
            sets.putAll(handLabelledDkHate(Path.of(options.get("--danish-test")), true));
        }
        RecognitionRates rates = new RecognitionRates(BundledRules.fromDirectory(rules));
        CasesFile devCases = casesFile(options.get("--dev-cases"), sets);
        CasesFile falseFlags = casesFile(options.get("--false-flag-cases"), sets);
        CasesFile gateCases = casesFile(options.get("--gate-cases"), sets);
        CasesFile threatCases = casesFile(options.get("--threat-cases"), sets);
        boolean gateReport = options.containsKey("--gate-report");
        double wider = gateReport ? Double.parseDouble(options.get("--gate-report")) : 1.0;
        List<String> gateRows = new ArrayList<>();
        List<ThreatModel> threatModels = new ArrayList<>();
        if (options.containsKey("--threat-model")) {
            for (String model : options.get("--threat-model").split(",")) {
                threatModels.add(ThreatModel.read(model));
            }
        }
        // the bundled model's hateful + threat first, then each threat model's P(threat)
        Map<String, List<String>> missRows = new LinkedHashMap<>();
        missRows.put(BUNDLED_SCORE, new ArrayList<>());
        threatModels.forEach(m -> missRows.put(m.name() + " P(threat) " + m.version(), new ArrayList<>()));
        System.out.println("rules " + rules.toAbsolutePath().normalize() + ", classifier " + rates.path.modelVersion());
        System.out.println("withheld (rates only, no text written): " + String.join(", ", withheld(sets)));
        System.out.println();
        System.out.println(
                "| set | role | texts | rule hit | rules open alone | rules open high tier+ | path opens high tier+ |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        try (rates.path) {
            for (Map.Entry<String, EvaluationSet> set : sets.entrySet()) {
                Rates tally = new Rates(set.getKey(), 0, 0, 0, 0, 0);
                GateTally gate = GateTally.of(set.getKey());
                List<MissScores> misses = new ArrayList<>();
                missRows.keySet().forEach(k -> misses.add(MissScores.of(set.getKey())));
                Role role = Role.of(set.getKey());
                for (String[] text : set.getValue().texts()) {
                    AnalysedSignal analysed = rates.path.analyse(text[0], text[1]);
                    Reading reading = rates.read(analysed);
                    tally = tally.add(reading);
                    if (gateReport) {
                        ScoreGate.Reading scored = ScoreGate.read(
                                analysed, rates.targets, rates.single.hatefulScore(), reading.pathAlone());
                        gate = gate.add(scored, wider);
                        List<String> threatCase =
                                rates.countScores(analysed, reading, scored.score(), threatModels, misses);
                        if (threatCases != null && role != Role.TEST && !threatCase.isEmpty()) {
                            threatCases.write(set.getValue(), text, threatCase(set.getKey(), reading, threatCase));
                        }
                        if (gateCases != null
                                && role != Role.TEST
                                && scored.why().isPresent()) {
                            gateCases.write(set.getValue(), text, gateCase(set.getKey(), reading, scored));
                        }
                    }
                    // only the dev sets' cases are written: the test sets are read as rates, never case by case
                    if (devCases != null && role == Role.DEV) {
                        devCases.write(set.getValue(), text, reading);
                    }
                    if (falseFlags != null && role == Role.GUARD && reading.flags()) {
                        falseFlags.write(set.getValue(), text, reading);
                    }
                }
                System.out.println(tally.row());
                gateRows.add(gate.row());
                int m = 0;
                for (List<String> rows : missRows.values()) {
                    rows.add(misses.get(m++).row());
                }
            }
            if (gateReport) {
                System.out.println();
                System.out.printf(
                        Locale.ROOT,
                        "The classifier's score (hateful + threat ≥ %.2f) and the gate: why the path kept a text out of"
                                + " the high tier%n%n",
                        rates.single.hatefulScore());
                System.out.println(GateTally.header(wider));
                gateRows.forEach(System.out::println);
                for (Map.Entry<String, List<String>> scores : missRows.entrySet()) {
                    System.out.println();
                    System.out.println("The texts the path does not open in the high tier, by the score of "
                            + scores.getKey() + " (a threat set's misses, a guard's posts a threshold could open)");
                    System.out.println();
                    System.out.println(MissScores.header());
                    scores.getValue().forEach(System.out::println);
                }
            }
        } finally {
            for (CasesFile cases : new CasesFile[] {devCases, falseFlags, gateCases, threatCases}) {
                if (cases != null) {
                    cases.close();
                }
            }
        }
    }

    /** The lowest P(threat) of a threat model whose texts {@code --threat-cases} writes: the high tier's severity. */
    static final double THREAT_CASE_SCORE = 0.7;

    /**
     * Counts one text in each classifier's score bands ({@link MissScores}): the bundled score first, then each threat
     * model's P(threat). Returns what {@code --threat-cases} says of it: each threat model that scores a text the path
     * does not open in the high tier at least {@link #THREAT_CASE_SCORE} where the gate lets it in, with or without
     * her/him as a target ({@code threat:NAME:SCORE:gate} or {@code :her-him}); empty when none does.
     */
    private List<String> countScores(
            AnalysedSignal analysed,
            Reading reading,
            double bundled,
            List<ThreatModel> models,
            List<MissScores> misses) {
        String text = analysed.signal().text();
        if (Reading.high(reading.pathAlone())) {
            if (!Reading.high(reading.rulesAlone())) {
                misses.set(0, misses.get(0).addOpened(bundled));
                for (int m = 0; m < models.size(); m++) {
                    misses.set(m + 1, misses.get(m + 1).addOpened(models.get(m).threat(text)));
                }
            }
            return List.of();
        }
        boolean letsIn = ScoreGate.letsIn(analysed, targets);
        boolean herOrHim = ScoreGate.letsInHerOrHim(analysed, targets);
        misses.set(0, misses.get(0).add(bundled, letsIn, herOrHim));
        List<String> cases = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            double threat = models.get(m).threat(text);
            misses.set(m + 1, misses.get(m + 1).add(threat, letsIn, herOrHim));
            if (threat >= THREAT_CASE_SCORE && (letsIn || herOrHim)) {
                cases.add(String.format(
                        Locale.ROOT, "threat:%s:%.3f:%s", models.get(m).name(), threat, letsIn ? "gate" : "her-him"));
            }
        }
        return cases;
    }

    /** A case of {@code --threat-cases}: the rules column carries the set and what each threat model said. */
    static Reading threatCase(String set, Reading reading, List<String> said) {
        List<String> rules = new ArrayList<>(reading.rules());
        rules.add("set:" + set);
        rules.addAll(said);
        return new Reading(reading.language(), reading.ruleHit(), reading.rulesAlone(), reading.pathAlone(), rules);
    }

    /** A case of {@code --gate-cases}: the rules column carries the set, the reason and the score. */
    static Reading gateCase(String set, Reading reading, ScoreGate.Reading scored) {
        List<String> rules = new ArrayList<>(reading.rules());
        rules.add(String.format(
                Locale.ROOT,
                "gate:%s:%s:%.3f",
                set,
                scored.why().map(Enum::name).orElse("-"),
                scored.score()));
        return new Reading(reading.language(), reading.ruleHit(), reading.rulesAlone(), reading.pathAlone(), rules);
    }

    private static CasesFile casesFile(String path, Map<String, EvaluationSet> sets) throws IOException {
        return path == null
                ? null
                : new CasesFile(Files.newBufferedWriter(Path.of(path), StandardCharsets.UTF_8), sets);
    }

    /** Adds the sets of an outside file (id, set, label, text); a set whose name holds {@link #TEST_MARK} is withheld. */
    static void addOutside(Path file, Map<String, EvaluationSet> sets) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 4);
            if (f.length == 4) {
                add(sets, f[1], f[1].contains(TEST_MARK), new String[] {f[0], f[3]});
            }
        }
    }

    /** Adds a text to its set; one text drawn from a test split withholds the whole set. */
    static void add(Map<String, EvaluationSet> sets, String set, boolean fromTestSplit, String[] text) {
        EvaluationSet old = sets.computeIfAbsent(set, k -> new EvaluationSet(new ArrayList<>(), fromTestSplit));
        old.texts().add(text);
        if (fromTestSplit && !old.fromTestSplit()) {
            sets.put(set, new EvaluationSet(old.texts(), true));
        }
    }

    /**
     * The hand-labelled DKHate training comments: threats and calls (label not "none"), and the others, as two sets
     * whose names end in {@code -dev}, or {@code -test} when the file is the test half ({@code fromTestSplit}: then
     * both sets are withheld from every cases file); the comments that only share the threats' words are guards (their
     * flags are false flags), so their set's name ends in {@link #GUARD_SUFFIX} after it.
     */
    static Map<String, EvaluationSet> handLabelledDkHate(Path file, boolean fromTestSplit) throws IOException {
        String suffix = fromTestSplit ? TEST_MARK : DEV_SUFFIX;
        Map<String, EvaluationSet> sets = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", 5);
            String set = f[2].equals("none") ? "dkhate-none" + suffix + GUARD_SUFFIX : "dkhate-threat" + suffix;
            add(sets, set, fromTestSplit, new String[] {"dkhate:" + f[0], f[4]});
        }
        return sets;
    }

    /** Jigsaw's threats outside (dev) and inside (test) its held-out fifth, and the ordinary posts of three sources. */
    private static Map<String, EvaluationSet> trainingSets(Path data) throws IOException {
        TrainingOptions defaults = TrainingOptions.defaults();
        TrainingCorpus corpus =
                TrainingCorpus.read(data, defaults.seed(), defaults.davidsonHeldOut(), defaults.danishHeldOut());
        Map<String, EvaluationSet> sets = new LinkedHashMap<>();
        for (LabelledPost p : corpus.posts()) {
            // the threats of Jigsaw's held-out fifth are a test set; the guards of ordinary posts read held-out ones
            // too
            boolean testSplit = p.category() == Category.THREAT && p.heldOut();
            setOf(p).ifPresent(set -> add(sets, set, testSplit, new String[] {p.source() + ":" + p.id(), p.text()}));
        }
        return sets;
    }

    private static Optional<String> setOf(LabelledPost p) {
        if (p.source().equals(TrainingCorpus.JIGSAW) && p.category() == Category.THREAT) {
            return Optional.of(p.heldOut() ? "jigsaw-threat-test" : JIGSAW_DEV);
        }
        if (p.category() != Category.NEUTRAL) {
            return Optional.empty();
        }
        return switch (p.source()) {
            case TrainingCorpus.JIGSAW -> Optional.of("jigsaw-non-toxic");
            case TrainingCorpus.HATEXPLAIN -> p.heldOut() ? Optional.empty() : Optional.of("hatexplain-train-normal");
            case TrainingCorpus.DAVIDSON -> Optional.of("davidson-neither");
            case TrainingCorpus.DKHATE -> Optional.of("dkhate-not");
            default -> Optional.empty();
        };
    }
}

package org.varsel.pipeline.functional;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.varsel.contract.Tier;

/** The functional suite run through the flagging path: rates per functionality, language and split, floors, report. */
public final class SuiteEvaluation {
    private static final double EPSILON = 1e-9;

    /** One case and what the flagging path made of it. */
    public record Judged(FunctionalCase functionalCase, Verdict verdict) {}

    /** Counts over a group of cases; {@code tiers} counts the tier of the incident each case opens alone. */
    public record Tally(
            int cases, int flagged, int alone, int withMinTier, int reachingMinTier, Map<Tier, Integer> tiers) {
        public double flagRate() {
            return cases == 0 ? 0 : (double) flagged / cases;
        }

        public double aloneRate() {
            return cases == 0 ? 0 : (double) alone / cases;
        }
    }

    private final FunctionalSuite suite;
    private final List<Judged> judged;
    private final String modelVersion;
    private final String rulePackVersion;
    private final String aloneCriterion;

    private SuiteEvaluation(FunctionalSuite suite, List<Judged> judged, FlaggingPath path) {
        this.suite = suite;
        this.judged = List.copyOf(judged);
        this.modelVersion = path.modelVersion();
        this.rulePackVersion = path.rulePackVersion();
        this.aloneCriterion = path.aloneCriterion();
    }

    /** Judges every case; {@code progress} hears about every 500th case and the end. */
    public static SuiteEvaluation run(FunctionalSuite suite, FlaggingPath path, Consumer<String> progress) {
        List<Judged> judged = new ArrayList<>(suite.cases().size());
        long start = System.nanoTime();
        for (FunctionalCase c : suite.cases()) {
            judged.add(new Judged(c, path.judge(c.id(), c.text())));
            if (judged.size() % 500 == 0) {
                progress.accept(judged.size() + " of " + suite.cases().size() + " cases");
            }
        }
        progress.accept(String.format(
                Locale.ROOT, "%d cases judged in %.1f s", judged.size(), (System.nanoTime() - start) / 1e9));
        return new SuiteEvaluation(suite, judged, path);
    }

    public List<Judged> judged() {
        return judged;
    }

    public Tally tally(Predicate<FunctionalCase> which) {
        int cases = 0;
        int flagged = 0;
        int alone = 0;
        int withMinTier = 0;
        int reaching = 0;
        Map<Tier, Integer> tiers = new EnumMap<>(Tier.class);
        for (Judged j : judged) {
            if (!which.test(j.functionalCase())) {
                continue;
            }
            cases++;
            flagged += j.verdict().flagged() ? 1 : 0;
            alone += j.verdict().opensIncidentAlone() ? 1 : 0;
            j.verdict().aloneTier().ifPresent(t -> tiers.merge(t, 1, Integer::sum));
            Optional<Tier> minTier = j.functionalCase().minTier();
            if (minTier.isPresent()) {
                withMinTier++;
                reaching += j.verdict().reaches(minTier.get()) ? 1 : 0;
            }
        }
        return new Tally(cases, flagged, alone, withMinTier, reaching, tiers);
    }

    public Tally tally(String functionality, String language, Optional<Split> split) {
        return tally(c -> c.functionality().equals(functionality)
                && c.language().equals(language)
                && split.map(s -> s == c.split()).orElse(true));
    }

    /**
     * Every functionality and language whose flag rate (dev and test together) is below its floor (to flag) or above
     * it (contrasts), and every one without a floor; empty when the gate passes.
     */
    public List<String> breaches(SuiteFloors floors) {
        List<String> breaches = new ArrayList<>();
        for (String functionality : suite.functionalities()) {
            Expectation expected = suite.expectation(functionality);
            for (String language : suite.languages()) {
                Tally t = tally(functionality, language, Optional.empty());
                if (t.cases() == 0) {
                    continue;
                }
                Optional<Double> floor = floors.floor(functionality, language);
                if (floor.isEmpty()) {
                    breaches.add(functionality + " " + language + ": no floor in floors.yaml (measured flag rate "
                            + rate(t.flagRate()) + ")");
                } else if (expected == Expectation.FLAG && t.flagRate() + EPSILON < floor.get()) {
                    breaches.add(breach(functionality, language, t, "is below its floor", floor.get()));
                } else if (expected == Expectation.NOT && t.flagRate() - EPSILON > floor.get()) {
                    breaches.add(breach(functionality, language, t, "of a contrast is above its ceiling", floor.get()));
                }
            }
        }
        for (String functionality : floors.floors().keySet()) {
            if (!suite.functionalities().contains(functionality)) {
                breaches.add(functionality + ": in floors.yaml but not in the suite");
            }
        }
        return breaches;
    }

    private static String breach(String functionality, String language, Tally t, String verdict, double limit) {
        return String.format(
                Locale.ROOT,
                "%s %s: flag rate %s (%d of %d) %s %.2f",
                functionality,
                language,
                rate(t.flagRate()),
                t.flagged(),
                t.cases(),
                verdict,
                limit);
    }

    /** One line per case (id, split, expected, flagged, tier of the incident it opens alone, language, category, rules, text): to see what was missed. */
    public String casesTsv() {
        StringBuilder out = new StringBuilder(
                "id\tsplit\texpected\tflagged\talone_tier\tdetected_language\tcategory\thateful\trules\ttext\n");
        for (Judged j : judged) {
            FunctionalCase c = j.functionalCase();
            Verdict v = j.verdict();
            out.append(String.join(
                            "\t",
                            c.id(),
                            c.split().label(),
                            c.expected().label(),
                            v.flagged() ? "yes" : "no",
                            v.aloneTier().map(Tier::label).orElse("-"),
                            v.language(),
                            v.category(),
                            rate(v.hateful()),
                            v.ruleIds().isEmpty() ? "-" : String.join(",", v.ruleIds()),
                            c.text()))
                    .append('\n');
        }
        return out.toString();
    }

    /** A floors.yaml at today's rates less {@code margin} (to flag) or plus it (contrasts), in two decimals. */
    public String proposedFloors(double margin) {
        StringBuilder out = new StringBuilder();
        for (String functionality : suite.functionalities()) {
            Expectation expected = suite.expectation(functionality);
            List<String> rates = new ArrayList<>();
            for (String language : suite.languages()) {
                Tally t = tally(functionality, language, Optional.empty());
                if (t.cases() == 0) {
                    continue;
                }
                double bound = expected == Expectation.FLAG
                        ? Math.max(0, Math.floor((t.flagRate() - margin) * 100 + EPSILON) / 100)
                        : Math.min(1, Math.ceil((t.flagRate() + margin) * 100 - EPSILON) / 100);
                rates.add(String.format(Locale.ROOT, "%s: %.2f", language, bound));
            }
            out.append(functionality)
                    .append(": {")
                    .append(String.join(", ", rates))
                    .append("}\n");
        }
        return out.toString();
    }

    /** The report section, deterministic for a given suite, model and rule pack so that it can be committed and diffed. */
    public String toMarkdown() {
        List<String> languages = suite.languages();
        StringBuilder out = new StringBuilder();
        out.append("Generated by `./varsel model evaluate` from `data/functional/` (")
                .append(judged.size())
                .append(" cases:");
        for (String language : languages) {
            out.append(' ')
                    .append(language)
                    .append(' ')
                    .append(tally(c -> c.language().equals(language)).cases());
        }
        out.append("); do not edit by hand. Classifier `")
                .append(modelVersion)
                .append("`, rule pack `")
                .append(rulePackVersion)
                .append("`.\n\n");
        out.append(
                        "*Flagged*: the classifier's category is hateful or threat, or an active rule matched (other than as reported or counter-speech, tag `context:reported-speech`). *Opens alone*: the signal opens "
                                + "an incident by itself (`SingleSignals.highSeverity`: ")
                .append(aloneCriterion)
                .append(
                        "). *dev*: templates with "
                                + "odd numbers (tune on these); *test*: even numbers (report only). For contrasts (`not`) lower is better.\n\n");
        out.append("Language identification (no hint given, as for a feed without one):");
        for (String language : languages) {
            Map<String, Integer> detected = new TreeMap<>();
            judged.stream()
                    .filter(j -> j.functionalCase().language().equals(language))
                    .forEach(j -> detected.merge(j.verdict().language(), 1, Integer::sum));
            int total = detected.values().stream().mapToInt(Integer::intValue).sum();
            int right = detected.getOrDefault(language, 0);
            detected.remove(language);
            out.append(' ')
                    .append(language)
                    .append(" cases detected as ")
                    .append(language)
                    .append(' ')
                    .append(rate((double) right / total));
            if (!detected.isEmpty()) {
                out.append(" (otherwise ")
                        .append(detected.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .reduce((a, b) -> a + ", " + b)
                                .orElse(""))
                        .append(')');
            }
            out.append(language.equals(languages.get(languages.size() - 1)) ? ".\n\n" : ";");
        }
        out.append("### Flag rate\n\n");
        rateTable(out, languages, Tally::flagRate, Tally::flagged);
        out.append("\n### Opens an incident alone\n\n");
        rateTable(out, languages, Tally::aloneRate, Tally::alone);
        out.append("\n### Tier of the incident a case opens alone (dev and test)\n\n");
        out.append(
                "Counts per tier: threat-to-life / crisis / high / medium / low / none. *Reaching*: cases whose incident "
                        + "is at least their expected minimum tier.\n\n");
        tableHead(out, "min tier", languages, "tiers", "reaching", "---|---:|");
        for (String functionality : suite.functionalities()) {
            String minTier = suite.cases().stream()
                    .filter(c -> c.functionality().equals(functionality))
                    .map(c -> c.minTier().map(Tier::label).orElse("-"))
                    .distinct()
                    .sorted()
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("-");
            out.append("| ").append(functionality).append(" | ").append(minTier).append(" |");
            for (String language : languages) {
                Tally t = tally(functionality, language, Optional.empty());
                StringBuilder tiers = new StringBuilder();
                for (Tier tier : Tier.values()) {
                    tiers.append(t.tiers().getOrDefault(tier, 0)).append(" / ");
                }
                tiers.append(t.cases() - t.alone());
                out.append(' ')
                        .append(t.cases() == 0 ? "" : tiers)
                        .append(" | ")
                        .append(t.withMinTier() == 0 ? "" : t.reachingMinTier() + " of " + t.withMinTier())
                        .append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private void rateTable(
            StringBuilder out, List<String> languages, ToDoubleFunction<Tally> rate, ToIntFunction<Tally> count) {
        tableHead(out, "expected", languages, Split.DEV.label(), Split.TEST.label(), "---:|---:|");
        for (String functionality : suite.functionalities()) {
            out.append("| ")
                    .append(functionality)
                    .append(" | ")
                    .append(suite.expectation(functionality).label())
                    .append(" |");
            for (String language : languages) {
                for (Split split : Split.values()) {
                    out.append(' ')
                            .append(cell(tally(functionality, language, Optional.of(split)), rate, count))
                            .append(" |");
                }
            }
            out.append('\n');
        }
        for (Expectation expected : Expectation.values()) {
            out.append("| **all ")
                    .append(expected == Expectation.FLAG ? "to flag" : "contrasts")
                    .append("** | ")
                    .append(expected.label())
                    .append(" |");
            for (String language : languages) {
                for (Split split : Split.values()) {
                    Tally t =
                            tally(c -> c.expected() == expected && c.language().equals(language) && c.split() == split);
                    out.append(" **").append(cell(t, rate, count)).append("** |");
                }
            }
            out.append('\n');
        }
    }

    /** A table head: functionality, {@code second}, then two columns per language. */
    private static void tableHead(
            StringBuilder out, String second, List<String> languages, String first, String other, String alignment) {
        out.append("| functionality | ").append(second).append(" |");
        languages.forEach(l -> out.append(' ')
                .append(l)
                .append(' ')
                .append(first)
                .append(" | ")
                .append(l)
                .append(' ')
                .append(other)
                .append(" |"));
        out.append("\n|---|---|");
        languages.forEach(l -> out.append(alignment));
        out.append('\n');
    }

    private static String cell(Tally t, ToDoubleFunction<Tally> rate, ToIntFunction<Tally> count) {
        return t.cases() == 0 ? "" : rate(rate.applyAsDouble(t)) + " (" + count.applyAsInt(t) + "/" + t.cases() + ")";
    }

    private static String rate(double rate) {
        return String.format(Locale.ROOT, "%.2f", rate);
    }
}

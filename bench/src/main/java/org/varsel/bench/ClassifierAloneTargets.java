package org.varsel.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.varsel.contract.Incident;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.ClassifierAlone;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.Severity;
import org.varsel.pipeline.correlate.SingleSignals;
import org.varsel.pipeline.functional.FlaggingPath;
import org.varsel.pipeline.rules.LexiconKind;
import org.varsel.pipeline.rules.NamedTargets;
import org.varsel.pipeline.rules.TargetWords;

/**
 * What the classifier-alone high-severity policy sees of each text (docs/incidents.md, "High-severity signal"): for
 * texts in a TSV ({@code id, set, label, text}), the language, the hateful + threat score, whether the text opens a
 * high-severity incident and in which tier, whether its rules alone open one, whom the rules' lexicons find it
 * naming, and the fewest words between a group and an attack word and between "you" and a violent word (the policy
 * asks for {@code ClassifierAlone.BESIDE} or fewer). The policy variants
 * are counted from this table, so that one pass serves every variant. Run: {@code bench/run
 * org.varsel.bench.ClassifierAloneTargets IN.tsv OUT.tsv}.
 */
public final class ClassifierAloneTargets {

    public static void main(String[] args) throws IOException {
        SingleSignals defaults = SingleSignals.from(CorrelationSettings.defaults());
        // a score no text reaches: what the rules open by themselves
        SingleSignals rulesOnly = new SingleSignals(defaults.ruleSeverity(), 2.0, defaults.partnerMinConfidence());
        TargetWords targets = TargetWords.bundled();
        try (FlaggingPath path = FlaggingPath.bundled();
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            out.println(
                    "id\tset\tlabel\tlanguage\tharm\topens\ttier\trules_alone\tgroups\tperson\treader\tkinds\tgroup_attack_gap\treader_threat_gap");
            for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 4);
                if (f.length < 4) {
                    continue;
                }
                AnalysedSignal analysed = path.analyse(f[0], f[3]);
                Optional<Incident> incident = defaults.highSeverity(analysed);
                NamedTargets named = targets.in(f[3], analysed.ruleLanguage());
                out.printf(
                        Locale.ROOT,
                        "%s\t%s\t%s\t%s\t%.4f\t%b\t%s\t%b\t%s\t%b\t%b\t%s\t%d\t%d%n",
                        f[0],
                        f[1],
                        f[2],
                        analysed.language(),
                        Severity.harmScore(analysed.scores()),
                        incident.isPresent(),
                        incident.map(i -> i.tier().label()).orElse("-"),
                        rulesOnly.highSeverity(analysed).isPresent(),
                        String.join(",", named.groups()),
                        named.person(),
                        named.reader(),
                        named.kinds().stream().map(LexiconKind::code).collect(Collectors.joining(",")),
                        ClassifierAlone.groupAttackGap(named),
                        ClassifierAlone.readerThreatGap(named));
            }
        }
    }
}

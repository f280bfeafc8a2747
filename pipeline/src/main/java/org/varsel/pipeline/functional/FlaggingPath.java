package org.varsel.pipeline.functional;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.varsel.contract.Incident;
import org.varsel.contract.Signal;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RuleMatch;
import org.varsel.pipeline.analysis.SignalMatcher;
import org.varsel.pipeline.classify.Category;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.Severity;
import org.varsel.pipeline.correlate.SingleSignals;
import org.varsel.pipeline.enrich.TextEnricher;
import org.varsel.pipeline.nlp.LanguageIdentifier;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.rules.TargetWords;

/**
 * The pipeline's flagging path for one text, without Flink: enrichment (language, classifier) as in
 * {@code EnrichSignal}, the rule engine as in {@code MatchRules}, and the single-signal incident criterion of
 * {@link SingleSignals}. A text is flagged when the classifier calls it hateful or a threat, or an active rule matches
 * what the text means (not a counter-speech or reported-speech context rule, nor a hit read as quoted or reported
 * speech).
 * Not thread-safe (the enricher is not).
 */
public final class FlaggingPath implements AutoCloseable {
    static final String SOURCE = "suite:functional";
    private static final Instant OBSERVED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private final TextEnricher enricher;
    private final RuleEngine rules;
    private final SingleSignals single;
    private final TargetWords targets;

    public FlaggingPath(TextEnricher enricher, RuleEngine rules, SingleSignals single) {
        this.enricher = enricher;
        this.rules = rules;
        this.single = single;
        this.targets = TargetWords.of(rules.pack());
    }

    /** The bundled language detector, {@code classifier}, {@code pack}, and the default single-signal thresholds. */
    public static FlaggingPath of(HarmClassifier classifier, RulePack pack) {
        return new FlaggingPath(
                new TextEnricher(new LanguageIdentifier(), classifier),
                RuleEngine.build(pack),
                SingleSignals.from(CorrelationSettings.defaults()));
    }

    /** What the job ships: the bundled model, the bundled rule pack and the default thresholds. */
    public static FlaggingPath bundled() {
        return of(HarmClassifier.bundled(), BundledRules.load());
    }

    public Verdict judge(String id, String text) {
        AnalysedSignal analysed = analyse(id, text);
        // a hit the rule engine marks as reported or counter-speech reaches the analyst at a lower severity: not a flag
        boolean flagged = Category.HATEFUL.label().equals(analysed.category())
                || Category.THREAT.label().equals(analysed.category())
                || analysed.ruleMatches().stream().anyMatch(FlaggingPath::meant);
        return new Verdict(
                analysed.language(),
                analysed.category(),
                Severity.harmScore(analysed.scores()),
                analysed.ruleMatches().stream().map(m -> m.ruleId()).toList(),
                flagged,
                single.highSeverity(analysed, targets).map(Incident::tier));
    }

    /** The text as the job analyses it: language, classifier scores and active rule hits. */
    public AnalysedSignal analyse(String id, String text) {
        Signal signal =
                new Signal(id, SOURCE, id, "post", OBSERVED_AT, null, null, null, text, null, Tlp.CLEAR, null, null);
        AnalysedSignal enriched = AnalysedSignal.enriched(signal, enricher.enrich(text, Optional.empty()));
        return SignalMatcher.withActiveHits(enriched, SignalMatcher.match(rules, enriched));
    }

    /** A rule hit that flags: not a context rule, and not a hit the text only quotes, reports or condemns. */
    public static boolean meant(RuleMatch match) {
        return !match.isContext() && !match.reportedSpeech();
    }

    public String modelVersion() {
        return enricher.modelVersion();
    }

    /** The single-signal criterion in words, for reports. */
    public String aloneCriterion() {
        return String.format(
                Locale.ROOT,
                "a rule of severity ≥ %d or a hateful + threat score ≥ %.2f; the score alone reaches the high tier"
                        + " only when the text names a target and an attack on it (`ClassifierAlone`), else tier"
                        + " medium",
                single.ruleSeverity(),
                single.hatefulScore());
    }

    public String rulePackVersion() {
        return rules.pack().version();
    }

    @Override
    public void close() {
        rules.close();
    }
}

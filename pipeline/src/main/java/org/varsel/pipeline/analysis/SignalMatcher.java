package org.varsel.pipeline.analysis;

import java.util.ArrayList;
import java.util.List;
import org.varsel.contract.Incident;
import org.varsel.pipeline.rules.MatchResult;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RuleHit;

/** Matches one analysed signal against a rule engine as the pipeline does: the Flink-free core of {@link org.varsel.pipeline.operators.MatchRules}. */
public final class SignalMatcher {

    private SignalMatcher() {}

    /** Active and shadow hits; a signal without text matches nothing, and {@code und} is matched as an unknown language. */
    public static MatchResult match(RuleEngine engine, AnalysedSignal signal) {
        String text = signal.signal().text();
        if (text == null || text.isBlank()) {
            return MatchResult.NONE;
        }
        return engine.match(text, signal.ruleLanguage());
    }

    /** The signal with the active hits of {@code result} as its rule matches (shadow hits never reach correlation). */
    public static AnalysedSignal withActiveHits(AnalysedSignal signal, MatchResult result) {
        if (result.hits().isEmpty()) {
            return signal;
        }
        List<RuleMatch> matches = new ArrayList<>(result.hits().size());
        for (RuleHit hit : result.hits()) {
            matches.add(toRuleMatch(hit));
        }
        return signal.withRuleMatches(readInContext(signal.signal().text(), matches));
    }

    /**
     * When a {@code context} rule (counter-speech, reported speech) matched {@code text}, the other hits it reaches
     * ({@link ContextReach}: the whole text, or a report's own sentences) are quoted, not meant: marked so, they cannot
     * raise an incident's tier (docs/incidents.md, "Severity and tier").
     */
    public static List<RuleMatch> readInContext(String text, List<RuleMatch> matches) {
        List<RuleMatch> context = matches.stream().filter(RuleMatch::isContext).toList();
        if (context.isEmpty()) {
            return matches;
        }
        ContextReach reach = ContextReach.of(text, context);
        return matches.stream()
                .map(m -> m.isContext() || !reach.reaches(m) ? m : m.quoted())
                .toList();
    }

    /** The hit's target groups are those the text names (the rule's own list only when it names none). */
    private static RuleMatch toRuleMatch(RuleHit hit) {
        return new RuleMatch(
                hit.ruleId(),
                hit.title(),
                hit.severity(),
                hit.category(),
                new ArrayList<>(hit.tags()),
                new ArrayList<>(hit.targetGroups()),
                hit.explanation(),
                hit.matchedTerms().stream()
                        .map(t -> new Incident.MatchedTerm(t.text(), t.start(), t.end()))
                        .toList(),
                hit.packVersion(),
                hit.reportedSpeech());
    }
}

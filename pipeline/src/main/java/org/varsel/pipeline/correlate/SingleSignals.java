package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Labels;
import org.varsel.contract.Signal;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RuleMatch;
import org.varsel.pipeline.harm.HarmReading;
import org.varsel.pipeline.rules.TargetWords;

/**
 * Detectors that need one signal only: a high-severity signal (a rule of severity ≥ {@code rule-severity}, an
 * explicit threat or call to violence, dehumanisation, or a classifier hateful + threat score ≥ {@code hateful-score},
 * which alone reaches the high tier only when the text names a target and an attack on it ({@link ClassifierAlone}),
 * as does a rule that opens only because it dehumanises or derogates, below {@code rule-severity});
 * a rule the text only quotes, reports or condemns counts at most severity 3 and opens nothing by itself:
 * {@link HarmReading}, except a call to violence a news report or a quotation reports, which opens one in tier medium)
 * and a partner's assessment with confidence ≥ {@code min-confidence}. Such a signal is one
 * incident, version 1, carrying every reason that applies (its id is derived from the signal id, so a replay names it
 * the same).
 */
public record SingleSignals(int ruleSeverity, double hatefulScore, int partnerMinConfidence)
        implements java.io.Serializable {
    /** The least severity at which a rule that dehumanises a group opens an incident by itself. */
    static final int DEHUMANISING_ALONE = 3;
    /** The tag of the context rules that read a text as a report of what others said or did. */
    static final String REPORT_TOPIC = "topic:reported-speech";
    /** The tag of the context rules that read a text as condemning what it quotes: a quoted call it condemns opens nothing. */
    static final String COUNTER_SPEECH_TOPIC = "topic:counter-speech";
    /** Why a reported call to violence opens an incident below the high tier, in words. */
    static final String REPORTED_INCITEMENT = "a call to violence the text reports, not one its author makes";

    public static SingleSignals from(CorrelationSettings s) {
        return new SingleSignals(s.highSeverityRuleSeverity(), s.highSeverityHatefulScore(), s.partnerMinConfidence());
    }

    /**
     * The one incident a signal opens by itself, if any: when it is grave and a partner assessed it too, both reasons
     * travel in one high-severity incident (two incidents for one post split the analysts' work and its verdicts).
     * Targets are read with the lexicons of the rule pack bundled into this build.
     */
    public Optional<Incident> incident(AnalysedSignal analysed) {
        return incident(analysed, TargetWords.bundled());
    }

    /** {@link #incident(AnalysedSignal)}, reading targets with these lexicons. */
    public Optional<Incident> incident(AnalysedSignal analysed, TargetWords targets) {
        Optional<Grave> grave = grave(analysed);
        Optional<Labels> assessed = confidentAssessment(analysed);
        if (grave.isEmpty() && assessed.isEmpty()) {
            return Optional.empty();
        }
        IncidentDraft draft = grave.map(Grave::draft)
                .orElseGet(() -> single(
                        IncidentKind.PARTNER_ASSESSMENT,
                        analysed,
                        assessed.get().category()));
        assessed.ifPresent(labels -> noteAssessment(draft, analysed.signal(), labels));
        Incident incident = draft.emit(analysed.signal().observedAt().toEpochMilli());
        // a partner's confident assessment is a second reading: only a weak reading alone is held below the high tier
        if (assessed.isEmpty() && grave.get().weakAlone().isPresent()) {
            return Optional.of(lowerIfUntargeted(
                    incident, analysed, targets, grave.get().weakAlone().get()));
        }
        return Optional.of(incident);
    }

    /** The high-severity incident of a grave signal, whatever a partner said of it (bundled lexicons). */
    public Optional<Incident> highSeverity(AnalysedSignal analysed) {
        return highSeverity(analysed, TargetWords.bundled());
    }

    /** {@link #highSeverity(AnalysedSignal)}, reading targets with these lexicons. */
    public Optional<Incident> highSeverity(AnalysedSignal analysed, TargetWords targets) {
        return grave(analysed).map(grave -> {
            Incident incident =
                    grave.draft().emit(analysed.signal().observedAt().toEpochMilli());
            return grave.weakAlone()
                    .map(alone -> lowerIfUntargeted(incident, analysed, targets, alone))
                    .orElse(incident);
        });
    }

    private static Incident lowerIfUntargeted(
            Incident incident, AnalysedSignal analysed, TargetWords targets, String alone) {
        if (REPORTED_INCITEMENT.equals(alone)) {
            return ClassifierAlone.lowered(incident, alone);
        }
        return ClassifierAlone.whyLowered(analysed, targets, alone)
                .map(why -> ClassifierAlone.lowered(incident, why))
                .orElse(incident);
    }

    /**
     * A grave signal's draft, and its only reason when that is a weak reading (the classifier's score, or rules that
     * open only because they dehumanise, below the single-signal severity), in words.
     */
    private record Grave(IncidentDraft draft, Optional<String> weakAlone) {}

    private Optional<Grave> grave(AnalysedSignal analysed) {
        List<String> triggers = new ArrayList<>();
        List<String> weakRules = new ArrayList<>();
        boolean strongRule = false;
        RuleMatch gravest = null;
        for (RuleMatch match : analysed.ruleMatches()) {
            if (match.isContext()) {
                continue;
            }
            int severity = HarmReading.severityOf(match);
            boolean threat = !match.reportedSpeech() && HarmReading.isThreat(match);
            // a slur (severity 2) marks dehumanisation for trends and surges but is weak on its own: alone it queued a
            // post
            // per slur (737 of the IRA replay's 1,059 single-signal incidents, mostly in-group usage)
            boolean dehumanising =
                    !match.reportedSpeech() && HarmReading.isDehumanising(match) && severity >= DEHUMANISING_ALONE;
            if (severity >= ruleSeverity || threat) {
                strongRule = true;
            } else if (dehumanising) {
                weakRules.add(match.ruleId());
            }
            if (severity >= ruleSeverity || threat || dehumanising) {
                triggers.add("rule " + match.ruleId() + " \"" + match.title() + "\" "
                        + (severity >= ruleSeverity
                                ? "has severity " + severity + " (≥ " + ruleSeverity + ")"
                                : threat ? "is a threat or call to violence" : "dehumanises a group"));
                if (gravest == null || severity > HarmReading.severityOf(gravest)) {
                    gravest = match;
                }
            }
        }
        boolean byRules = !triggers.isEmpty();
        Optional<RuleMatch> reportedCall = byRules ? Optional.empty() : reportedCall(analysed);
        reportedCall.ifPresent(match -> triggers.add("rule " + match.ruleId() + " \"" + match.title()
                + "\" is a call to violence the text reports, not one it makes"));
        boolean byClassifier = false;
        double harm = Severity.harmScore(analysed.scores());
        // the classifier reads words, not stance: a post that quotes or condemns a threat scores like the threat, so
        // where
        // the rules say the text reports or rejects what it cites, the score alone opens nothing (rules still may)
        if (harm >= hatefulScore && !quotesOrCondemns(analysed)) {
            String score = analysed.scores().containsKey("threat") ? "hateful + threat" : "hateful";
            triggers.add("classifier " + score + " score " + TwoDecimals.of(harm) + " (≥ "
                    + TwoDecimals.of(hatefulScore) + ")");
            byClassifier = true;
        }
        if (triggers.isEmpty()) {
            return Optional.empty();
        }
        if (gravest == null && reportedCall.isPresent()) {
            gravest = reportedCall.get();
        }
        String subject = gravest != null && gravest.category() != null
                ? gravest.category()
                : "threat".equals(analysed.category()) ? "threat" : "hate";
        IncidentDraft draft = single(IncidentKind.HIGH_SEVERITY, analysed, subject);
        draft.coordination.put("trigger", String.join("; ", triggers));
        // derogation and dehumanisation that names no group (severity 3) read political abuse and reported speech like
        // attacks: alone, like the classifier's score alone, they reach the high tier only with a target and an attack
        Optional<String> weakAlone = reportedCall.isPresent()
                ? Optional.of(REPORTED_INCITEMENT)
                : !byRules
                        ? Optional.of("the classifier alone")
                        : !strongRule && !byClassifier
                                ? Optional.of(
                                        "rule " + String.join(", ", weakRules) + " alone (dehumanisation or derogation"
                                                + " below severity " + ruleSeverity + ")")
                                : Optional.empty();
        return Optional.of(new Grave(draft, weakAlone));
    }

    /**
     * A call to violence the text reports (a news report, a quotation, a shared title; a context rule of
     * {@value #REPORT_TOPIC}), not one it condemns (a context rule of {@value #COUNTER_SPEECH_TOPIC}): incitement an
     * analyst should see, below the high tier.
     */
    private static Optional<RuleMatch> reportedCall(AnalysedSignal analysed) {
        boolean report = false;
        RuleMatch call = null;
        for (RuleMatch match : analysed.ruleMatches()) {
            if (match.isContext()) {
                if (match.tags().contains(COUNTER_SPEECH_TOPIC)) {
                    return Optional.empty();
                }
                report |= match.tags().contains(REPORT_TOPIC);
            } else if (call == null && match.reportedSpeech() && HarmReading.isThreat(match)) {
                call = match;
            }
        }
        return report ? Optional.ofNullable(call) : Optional.empty();
    }

    private static boolean quotesOrCondemns(AnalysedSignal analysed) {
        return analysed.ruleMatches().stream().anyMatch(match -> match.isContext() || match.reportedSpeech());
    }

    private Optional<Labels> confidentAssessment(AnalysedSignal analysed) {
        Labels labels = analysed.signal().labels();
        if (labels == null
                || labels.category() == null
                || labels.confidence() == null
                || labels.confidence() < partnerMinConfidence) {
            return Optional.empty();
        }
        return Optional.of(labels);
    }

    private void noteAssessment(IncidentDraft draft, Signal signal, Labels labels) {
        draft.coordination.put("partner", signal.source());
        draft.coordination.put("partner_category", labels.category());
        draft.coordination.put("confidence", Integer.toString(labels.confidence()));
        draft.coordination.put("min_confidence", Integer.toString(partnerMinConfidence));
    }

    private static IncidentDraft single(IncidentKind kind, AnalysedSignal analysed, String subject) {
        IncidentDraft draft =
                IncidentDraft.open(kind, IncidentIds.of(kind, analysed.signal().id()), subject, 1, 600_000);
        draft.add(analysed);
        return draft;
    }
}

package org.varsel.pipeline.feedback;

import java.util.List;
import org.varsel.contract.Feedback;

/** One verdict as one rule sees it: the incident it matched in, and whether that incident was a true alarm. */
public record RuleVerdict(String ruleId, String incidentId, boolean confirmed, long decidedAtMillis) {

    /** One per rule the verdict's incident matched (each rule is judged by it). */
    public static List<RuleVerdict> perRule(Feedback feedback) {
        boolean confirmed = "confirmed".equals(feedback.verdict());
        long at = feedback.decidedAt().toEpochMilli();
        return feedback.ruleIds().stream()
                .distinct()
                .map(rule -> new RuleVerdict(rule, feedback.incidentId(), confirmed, at))
                .toList();
    }

    /** A reopened and re-decided incident counts once: the later decision replaces the earlier, a redelivery changes nothing. */
    public boolean replaces(RuleVerdict earlier) {
        return earlier == null
                || decidedAtMillis > earlier.decidedAtMillis
                || (decidedAtMillis == earlier.decidedAtMillis && confirmed != earlier.confirmed);
    }
}

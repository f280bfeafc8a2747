package org.varsel.pipeline.analysis;

import java.util.List;
import org.varsel.contract.Incident;

/**
 * One active rule that matched a signal, with the terms it matched (for highlighting) and the pack version
 * that held it. {@code explanation} is the rule's description rendered for this hit.
 *
 * @param reportedSpeech the text quotes, reports or condemns what this rule matched rather than meaning it (a
 *     {@code context} rule matched the same text): it counts at most severity 3 and sets no tier (harm.HarmReading)
 */
public record RuleMatch(
        String ruleId,
        String title,
        int severity,
        String category,
        List<String> tags,
        List<String> targetGroups,
        String explanation,
        List<Incident.MatchedTerm> terms,
        String packVersion,
        boolean reportedSpeech) {

    /** The category of rules that mark a text's stance (counter-speech, reported speech), not a harm. */
    public static final String CONTEXT_CATEGORY = "context";

    /**
     * The tag of a context rule that reaches only the sentences it matched in ({@link ContextReach}): a report's
     * attribution or its words of violence done, not the author's own sentences beside them.
     */
    public static final String SENTENCE_SCOPE_TAG = "scope:sentence";

    /** A rule that marks a text's stance (counter-speech, reported speech): never a harm, never a surge key. */
    public boolean isContext() {
        return CONTEXT_CATEGORY.equals(category);
    }

    /** A context rule that reaches only the sentences it matched in ({@value #SENTENCE_SCOPE_TAG}). */
    public boolean readsItsSentencesOnly() {
        return isContext() && tags.contains(SENTENCE_SCOPE_TAG);
    }

    /** The same match, read as quoted, reported or condemned rather than meant. */
    public RuleMatch quoted() {
        return new RuleMatch(
                ruleId, title, severity, category, tags, targetGroups, explanation, terms, packVersion, true);
    }
}

package org.varsel.pipeline.rules;

import java.util.List;
import org.varsel.contract.Tlp;

/**
 * A rule that matched a signal, explained for the analyst and located for highlighting. {@code targetGroups} are the
 * groups the text names (else the rule's); {@code reportedSpeech} marks a hit in a reporting or counter-speech
 * context, whose severity is already lowered.
 */
public record RuleHit(
        String ruleId,
        String title,
        String packVersion,
        int severity,
        String category,
        List<String> tags,
        Tlp tlp,
        String explanation,
        List<MatchedTerm> matchedTerms,
        List<String> targetGroups,
        boolean reportedSpeech) {

    /** Added to a reported hit's tags, so that the mark travels wherever the tags do (incidents, briefs). */
    public static final String REPORTED_SPEECH_TAG = "context:reported-speech";

    public RuleHit {
        tags = List.copyOf(tags);
        matchedTerms = List.copyOf(matchedTerms);
        targetGroups = List.copyOf(targetGroups);
    }
}

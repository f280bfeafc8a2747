package org.varsel.pipeline.analysis;

import java.util.List;
import org.varsel.contract.Incident;

/**
 * One active rule that matched a signal, with the terms it matched (for highlighting) and the pack version
 * that held it. {@code explanation} is the rule's description rendered for this hit.
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
    String packVersion) {}

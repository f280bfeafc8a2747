package org.varsel.pipeline.rules;

import org.varsel.contract.Tlp;
import java.util.List;

/** A rule that matched a signal, explained for the analyst and located for highlighting. */
public record RuleHit(
    String ruleId,
    String title,
    String packVersion,
    int severity,
    String category,
    List<String> tags,
    Tlp tlp,
    String explanation,
    List<MatchedTerm> matchedTerms) {

  public RuleHit {
    tags = List.copyOf(tags);
    matchedTerms = List.copyOf(matchedTerms);
  }
}

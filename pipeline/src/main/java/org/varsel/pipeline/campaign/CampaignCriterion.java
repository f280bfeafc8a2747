package org.varsel.pipeline.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.varsel.pipeline.correlate.DistinctSketch;

/**
 * Whether two findings are one campaign, and why, in words an analyst can check: their windows are at most
 * {@code max-gap} apart, one's defining content (a co-link's link, a push's hashtag, a co-similar cluster's text) is in
 * the other's content, and they share at least {@code min-containment} of the smaller account set. Shared accounts alone
 * are not enough (the same troll farm runs many narratives), nor is shared content alone (a popular hashtag).
 */
record CampaignCriterion(CampaignSettings settings) implements java.io.Serializable {

  /** Why {@code finding} joins {@code member}'s campaign, or empty when it does not. */
  Optional<String> joins(CampaignMember finding, CampaignMember member) {
    long gap = Math.max(finding.firstSeen(), member.firstSeen()) - Math.min(finding.lastSeen(), member.lastSeen());
    if (gap > settings.maxGap().toMillis()) {
      return Optional.empty();
    }
    List<String> shared = sharedContent(finding, member);
    if (shared.isEmpty()) {
      return Optional.empty();
    }
    int a = finding.incident.accountCount();
    int b = member.incident.accountCount();
    int common = DistinctSketch.overlap(finding.accounts, a, member.accounts, b);
    int smaller = Math.max(1, Math.min(a, b));
    double containment = (double) common / smaller;
    if (common == 0 || containment < settings.minContainment()) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "shares %d of %d accounts (%.0f %% ≥ %.0f %%) and %s with %s %s; %s",
        common, smaller, 100 * containment, 100 * settings.minContainment(), String.join(", ", shared),
        member.incident.kind().label(), member.incident.id(), gap <= 0 ? "windows overlap" : "windows " + minutes(gap) + " apart"));
  }

  /** Content defining one of the two that the other also carries (at most three, for the explanation). */
  private static List<String> sharedContent(CampaignMember x, CampaignMember y) {
    List<String> shared = new ArrayList<>();
    collect(x.defining, y.content, shared);
    collect(y.defining, x.content, shared);
    return shared;
  }

  private static void collect(List<String> defining, List<String> content, List<String> shared) {
    for (String token : defining) {
      String described = CampaignMember.describe(token);
      if (shared.size() < 3 && content.contains(token) && !shared.contains(described)) {
        shared.add(described);
      }
    }
  }

  private static String minutes(long millis) {
    return Duration.ofMillis(millis).toMinutes() + " min";
  }
}

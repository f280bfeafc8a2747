package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Tier;
import org.varsel.pipeline.analysis.RuleMatch;

/**
 * What one signal's active rule matches say about the harm it carries (docs/incidents.md, "Severity and tier"): an
 * explicit threat or call to violence, whether it names a time, place or means ({@code tcap:time|place|means}),
 * dehumanisation, and whether the text reads as counter-speech or reported speech (a {@code context} rule), which
 * lowers what its other rules are worth. Per signal, so that one quoting post in a campaign does not excuse another.
 *
 * @param inContext a context rule matched: the text quotes, reports or condemns what its other rules found
 * @param effectiveRuleSeverity the highest rule severity that counts: capped at {@value #SEVERITY_IN_CONTEXT} when
 *     a context rule matched; context rules themselves never count
 * @param floor the lowest tier an incident holding this signal may have, if its rules set one
 * @param why the floor in words, or why the rules could not set one (counter-speech); empty when neither
 */
public record HarmReading(
    boolean inContext,
    int effectiveRuleSeverity,
    boolean threat,
    boolean dehumanisation,
    Optional<Tier> floor,
    String why,
    List<String> hallmarks,
    List<String> tcap) {

  /** The category of rules that mark a text's stance (counter-speech, reported speech), not a harm. */
  public static final String CONTEXT_CATEGORY = "context";
  /** What a rule counts at most when the text quotes or condemns it instead of meaning it. */
  static final int SEVERITY_IN_CONTEXT = 3;
  static final List<String> CIRCUMSTANCES = List.of("time", "place", "means");

  public static HarmReading of(List<RuleMatch> matches) {
    List<RuleMatch> harms = new ArrayList<>();
    RuleMatch context = null;
    for (RuleMatch match : matches) {
      if (isContext(match)) {
        context = context == null ? match : context;
      } else {
        harms.add(match);
      }
    }
    List<String> hallmarks = new ArrayList<>();
    List<String> tcap = new ArrayList<>();
    RuleMatch threat = null;
    RuleMatch dehumanising = null;
    RuleMatch lifeRule = null;
    int severity = 0;
    for (RuleMatch match : harms) {
      severity = Math.max(severity, context == null ? match.severity() : Math.min(match.severity(), SEVERITY_IN_CONTEXT));
      for (String tag : match.tags()) {
        if (tag.startsWith("hallmark:")) {
          addIfNew(hallmarks, tag.substring("hallmark:".length()));
        } else if (tag.startsWith("tcap:")) {
          addIfNew(tcap, tag.substring("tcap:".length()));
        }
      }
      if (threat == null && isThreat(match)) {
        threat = match;
      }
      if (dehumanising == null && match.tags().contains("hallmark:dehumanisation")) {
        dehumanising = match;
      }
      if (lifeRule == null && Severity.isThreatToLife(match)) {
        lifeRule = match;
      }
    }
    List<String> named = CIRCUMSTANCES.stream().filter(tcap::contains).toList();
    if (context != null) {
      RuleMatch meant = threat != null ? threat : dehumanising != null ? dehumanising : lifeRule;
      String why = meant == null ? "" : "rule " + meant.ruleId() + " is read as quoted, not meant: context rule "
          + context.ruleId() + " \"" + context.title() + "\" matched, so its rules count at most severity "
          + SEVERITY_IN_CONTEXT + " and set no tier";
      return new HarmReading(true, severity, false, false, Optional.empty(), why, hallmarks, tcap);
    }
    if (lifeRule != null) {
      return new HarmReading(false, severity, threat != null, dehumanising != null, Optional.of(Tier.THREAT_TO_LIFE),
          "a severity-5 rule about a threat to life matched (" + lifeRule.ruleId() + ")", hallmarks, tcap);
    }
    if (threat != null && !named.isEmpty()) {
      return new HarmReading(false, severity, true, dehumanising != null, Optional.of(Tier.THREAT_TO_LIFE),
          "a threat or call to violence (" + threat.ruleId() + ") names a " + String.join(", a ", named), hallmarks, tcap);
    }
    if (threat != null) {
      return new HarmReading(false, severity, true, dehumanising != null, Optional.of(Tier.HIGH),
          "a threat or call to violence (" + threat.ruleId() + ") is at least high; it names no time, place or means",
          hallmarks, tcap);
    }
    if (dehumanising != null) {
      return new HarmReading(false, severity, false, true, Optional.of(Tier.HIGH),
          "dehumanisation of a group (" + dehumanising.ruleId() + ") is at least high", hallmarks, tcap);
    }
    return new HarmReading(false, severity, false, false, Optional.empty(), "", hallmarks, tcap);
  }

  /** What a (non-context) rule of this signal counts. */
  public int severityOf(RuleMatch match) {
    return inContext ? Math.min(match.severity(), SEVERITY_IN_CONTEXT) : match.severity();
  }

  /** A rule that marks a text's stance (counter-speech, reported speech): never a harm, never a surge key. */
  public static boolean isContext(RuleMatch match) {
    return CONTEXT_CATEGORY.equals(match.category());
  }

  /** An explicit threat or call to violence: an incitement (or threat) rule, or one tagged {@code hallmark:threat}. */
  static boolean isThreat(RuleMatch match) {
    return "incitement".equals(match.category()) || "threat".equals(match.category())
        || match.tags().contains("hallmark:threat");
  }

  private static void addIfNew(List<String> values, String value) {
    if (!values.contains(value)) {
      values.add(value);
    }
  }
}

package org.varsel.pipeline.harm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Tier;
import org.varsel.pipeline.analysis.RuleMatch;

/**
 * What one signal's active rule matches say about the harm it carries (docs/incidents.md, "Severity and tier"): an
 * explicit threat or call to violence, whether it names a time, place or means ({@code tcap:time|place|means}),
 * dehumanisation, and which matches the text only quotes, reports or condemns ({@link RuleMatch#reportedSpeech}):
 * those count at most severity {@value #SEVERITY_IN_CONTEXT} and set no tier. Per signal, so that one quoting post in
 * a campaign does not excuse another.
 *
 * @param effectiveRuleSeverity the highest rule severity that counts; context rules themselves never count
 * @param floor the lowest tier an incident holding this signal may have, if its rules set one
 * @param why the floor in words, or why the rules could not set one (quoted, not meant); empty when neither
 */
public record HarmReading(
        int effectiveRuleSeverity, Optional<Tier> floor, String why, List<String> hallmarks, List<String> tcap) {

    /** What a rule counts at most when the text quotes, reports or condemns what it matched instead of meaning it. */
    static final int SEVERITY_IN_CONTEXT = 3;

    static final List<String> CIRCUMSTANCES = List.of("time", "place", "means");
    /** Most signals match no rule: they share this reading instead of building one. */
    private static final HarmReading NOTHING = new HarmReading(0, Optional.empty(), "", List.of(), List.of());

    public static HarmReading of(List<RuleMatch> matches) {
        if (matches.isEmpty()) {
            return NOTHING;
        }
        List<String> hallmarks = new ArrayList<>();
        List<String> tcap = new ArrayList<>();
        List<String> named = new ArrayList<>();
        RuleMatch threat = null;
        RuleMatch dehumanising = null;
        RuleMatch lifeRule = null;
        RuleMatch quoted = null;
        int severity = 0;
        for (RuleMatch match : matches) {
            if (match.isContext()) {
                continue;
            }
            severity = Math.max(severity, severityOf(match));
            for (String tag : match.tags()) {
                if (tag.startsWith("hallmark:")) {
                    addIfNew(hallmarks, tag.substring("hallmark:".length()));
                } else if (tag.startsWith("tcap:")) {
                    addIfNew(tcap, tag.substring("tcap:".length()));
                }
            }
            boolean grave = isThreat(match) || isDehumanising(match) || isThreatToLife(match);
            if (match.reportedSpeech()) {
                quoted = quoted == null && grave ? match : quoted;
                continue;
            }
            match.tags().stream()
                    .filter(t -> t.startsWith("tcap:"))
                    .map(t -> t.substring("tcap:".length()))
                    .filter(CIRCUMSTANCES::contains)
                    .forEach(c -> addIfNew(named, c));
            threat = threat == null && isThreat(match) ? match : threat;
            dehumanising = dehumanising == null && isDehumanising(match) ? match : dehumanising;
            lifeRule = lifeRule == null && isThreatToLife(match) ? match : lifeRule;
        }
        named.sort((a, b) -> CIRCUMSTANCES.indexOf(a) - CIRCUMSTANCES.indexOf(b));
        // what the threat names says more than a rule's own tier tag (same tier either way)
        Optional<Tier> floor = Optional.empty();
        String why;
        if (threat != null && !named.isEmpty()) {
            floor = Optional.of(Tier.THREAT_TO_LIFE);
            why = "a threat or call to violence (" + threat.ruleId() + ") names a " + String.join(", a ", named);
        } else if (lifeRule != null) {
            floor = Optional.of(Tier.THREAT_TO_LIFE);
            why = "a severity-5 rule about a threat to life matched (" + lifeRule.ruleId() + ")";
        } else if (threat != null) {
            floor = Optional.of(Tier.HIGH);
            why = "a threat or call to violence (" + threat.ruleId()
                    + ") is at least high; it names no time, place or means";
        } else if (dehumanising != null) {
            floor = Optional.of(Tier.HIGH);
            why = "dehumanisation of a group (" + dehumanising.ruleId() + ") is at least high";
        } else {
            why = quoted == null
                    ? ""
                    : "rule " + quoted.ruleId() + " is read as quoted, not meant (counter-speech or "
                            + "reported speech), so it counts at most severity " + SEVERITY_IN_CONTEXT
                            + " and sets no tier";
        }
        return new HarmReading(severity, floor, why, hallmarks, tcap);
    }

    /** What a (non-context) rule match counts: at most {@value #SEVERITY_IN_CONTEXT} when the text only quotes it. */
    public static int severityOf(RuleMatch match) {
        return match.reportedSpeech() ? Math.min(match.severity(), SEVERITY_IN_CONTEXT) : match.severity();
    }

    /** An explicit threat or call to violence: an incitement (or threat) rule, or one tagged {@code hallmark:threat}. */
    public static boolean isThreat(RuleMatch match) {
        return "incitement".equals(match.category())
                || "threat".equals(match.category())
                || match.tags().contains("hallmark:threat");
    }

    public static boolean isDehumanising(RuleMatch match) {
        return match.tags().contains("hallmark:dehumanisation");
    }

    /** A severity-5 rule about a threat to life: of category threat or child-*, or tagged threat-to-life. */
    public static boolean isThreatToLife(RuleMatch match) {
        if (match.severity() < 5) {
            return false;
        }
        // a severity-5 child-safety rule (self-harm encouragement, sextortion threat): a child's life may be at stake
        return "threat".equals(match.category())
                || match.category() != null && match.category().startsWith("child-")
                || match.tags().stream().anyMatch(t -> t.endsWith("threat-to-life"));
    }

    private static void addIfNew(List<String> values, String value) {
        if (!values.contains(value)) {
            values.add(value);
        }
    }
}

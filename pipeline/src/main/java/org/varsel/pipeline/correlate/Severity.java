package org.varsel.pipeline.correlate;

import java.util.Map;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Labels;
import org.varsel.contract.Tier;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RuleMatch;
import org.varsel.pipeline.harm.HarmReading;

/**
 * An incident's severity (0-100) and tier, with the arithmetic that produced them (docs/incidents.md):
 * <pre>
 * content      = max(20 × highest rule severity, 100 × (hateful + threat score), 50 × offensive score, partner confidence)
 * coordination = campaigns only: min(60, 30 + 10 × log2(accounts / threshold))
 * severity     = min(100, max(content, coordination) + 10 if a campaign spreads content ≥ 40)
 * tier         = threat-to-life if a threat or call to violence names a time, place or means, or a severity-5 rule
 *                tagged threat-to-life (or of category threat, or of a child-* category: docs/child-safety.md) matched,
 *                crisis if a rule tagged crisis matched, else high ≥ 70, medium ≥ 40, low; a threat or
 *                dehumanisation makes it at least high. A signal that reads as counter-speech or reported speech
 *                sets no tier and its rules count at most severity 3 ({@link HarmReading}).
 * </pre>
 */
public record Severity(int score, Tier tier, int content, int coordination, String why) {
    static final int SPREAD_BONUS = 10;

    /**
     * The figures the severity is made of, without its explanation: what deciding whether to re-emit an incident reads
     * after every joining signal, where writing the explanation was most of {@link #of}'s cost (docs/performance.md).
     */
    record Figures(
            int rules,
            int classifier,
            int partner,
            int content,
            boolean campaign,
            int coordination,
            int bonus,
            int score,
            Tier tier) {

        static Figures of(IncidentDraft draft) {
            int rules = 20 * draft.maxRuleSeverity;
            int classifier = classifierScore(draft.maxScores);
            int partner = draft.maxPartnerConfidence;
            int content = Math.max(rules, Math.max(classifier, partner));
            boolean campaign = isCampaign(draft.kind);
            int coordination = campaign ? coordinationScore(draft.accountCount, draft.threshold) : 0;
            int bonus = campaign && content >= 40 ? SPREAD_BONUS : 0;
            int score = Math.min(100, Math.max(content, coordination) + bonus);
            Tier tier = Severity.tier(score, draft.threatToLife, draft.crisis, draft.atLeastHigh);
            return new Figures(rules, classifier, partner, content, campaign, coordination, bonus, score, tier);
        }
    }

    public static Severity of(IncidentDraft draft) {
        Figures figures = Figures.of(draft);
        StringBuilder why =
                new StringBuilder("Severity ").append(figures.score()).append(" = ");
        if (figures.campaign()) {
            why.append("max(content ")
                    .append(figures.content())
                    .append(", coordination ")
                    .append(figures.coordination())
                    .append(')');
            if (figures.bonus() > 0) {
                why.append(" + ").append(figures.bonus()).append(" (a campaign spreading harmful content)");
            }
            if (figures.score() == 100 && Math.max(figures.content(), figures.coordination()) + figures.bonus() > 100) {
                why.append(", capped at 100");
            }
        } else {
            why.append("content ").append(figures.content());
        }
        why.append("; content = max(rules 20×")
                .append(draft.maxRuleSeverity)
                .append('=')
                .append(figures.rules())
                .append(", classifier ")
                .append(figures.classifier())
                .append(", partner confidence ")
                .append(figures.partner())
                .append(')');
        if (figures.campaign()) {
            why.append("; coordination = min(60, 30 + 10×log2(")
                    .append(draft.accountCount)
                    .append(" accounts / threshold ")
                    .append(draft.threshold)
                    .append("))");
        }
        why.append(". Tier ").append(figures.tier().label());
        if (draft.threatToLife) {
            why.append(": ").append(draft.tierReason);
        } else if (draft.crisis) {
            why.append(": a crisis rule matched");
        } else if (draft.atLeastHigh && figures.score() < 70) {
            why.append(": ").append(draft.tierReason);
        } else {
            why.append(" (high ≥ 70, medium ≥ 40)");
        }
        if (draft.contextNote != null) {
            why.append("; ").append(draft.contextNote);
        }
        return new Severity(
                figures.score(),
                figures.tier(),
                figures.content(),
                figures.coordination(),
                why.append('.').toString());
    }

    static Tier tier(int score, boolean threatToLife, boolean crisis, boolean atLeastHigh) {
        if (threatToLife) {
            return Tier.THREAT_TO_LIFE;
        }
        if (crisis) {
            return Tier.CRISIS;
        }
        Tier byScore = Tier.forSeverity(score);
        return atLeastHigh && byScore.ordinal() > Tier.HIGH.ordinal() ? Tier.HIGH : byScore;
    }

    static boolean isCampaign(IncidentKind kind) {
        return kind == IncidentKind.CO_SIMILAR_TEXT
                || kind == IncidentKind.CO_LINK
                || kind == IncidentKind.HASHTAG_PUSH
                || kind == IncidentKind.SURGE;
    }

    static int coordinationScore(int accounts, int threshold) {
        if (accounts <= 0 || threshold <= 0) {
            return 0;
        }
        double ratio = Math.max(1.0, (double) accounts / threshold);
        return (int) Math.min(60, 30 + Math.round(10 * Math.log(ratio) / Math.log(2)));
    }

    static int classifierScore(Map<String, Double> scores) {
        double offensive = scores.getOrDefault("offensive", 0.0);
        return (int) Math.round(Math.max(100 * harmScore(scores), 50 * offensive));
    }

    /**
     * The classifier's probability that a text attacks people: hateful plus threat, because the model splits that mass
     * between the two (a threat against a group is also hateful), and either alone would understate a threat.
     */
    public static double harmScore(Map<String, Double> scores) {
        return Math.min(1.0, scores.getOrDefault("hateful", 0.0) + scores.getOrDefault("threat", 0.0));
    }

    /** One signal's content score, by the same formula (used to rank evidence). */
    static int contentScore(AnalysedSignal analysed, HarmReading harm) {
        int rules = 20 * harm.effectiveRuleSeverity();
        int partner = analysed.signal().labelsIfAny().map(Labels::confidence).orElse(0);
        return Math.max(rules, Math.max(classifierScore(analysed.scores()), partner));
    }

    static boolean isCrisis(RuleMatch match) {
        return "crisis".equals(match.category())
                || match.tags().stream().anyMatch(t -> t.endsWith(":crisis") || t.equals("crisis"));
    }
}

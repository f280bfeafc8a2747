package org.varsel.pipeline.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.varsel.contract.Incident;

/**
 * Explanations for the analyst (titles are {@link IncidentTitle}'s): which detector flagged the incident, its
 * thresholds against what was observed, which rules matched, which classifier scores and partner assessments counted,
 * and the severity arithmetic.
 * The detector's facts come from the draft's coordination evidence, so the explanation and the evidence agree.
 */
public final class Explanations {
    /** Compiled once: a campaign's summary shortens the text of each of its findings at every emission. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Explanations() {}

    static String explain(IncidentDraft draft, Severity severity) {
        Map<String, String> c = draft.coordination;
        StringBuilder why = new StringBuilder();
        String span =
                " between " + Instant.ofEpochMilli(draft.firstSeen) + " and " + Instant.ofEpochMilli(draft.lastSeen);
        String accounts = draft.accountCount + (draft.accountsSaturated ? "+" : "");
        switch (draft.kind) {
            case CO_SIMILAR_TEXT ->
                why.append("Co-similar text: ")
                        .append(accounts)
                        .append(" distinct accounts posted near-duplicate text (")
                        .append(draft.signalCount)
                        .append(" posts")
                        .append(span)
                        .append("). Flagged when at least ")
                        .append(c.get("min_accounts"))
                        .append(" accounts post text whose Jaccard similarity (MinHash bottom-k sketch, k = ")
                        .append(c.get("hashes"))
                        .append(", over ")
                        .append(c.get("shingle_words"))
                        .append(
                                "-word shingles, URLs, mentions, punctuation and case removed) with the first post is at least ")
                        .append(c.get("jaccard_threshold"))
                        .append(" within ")
                        .append(c.get("window"))
                        .append(". First post: \"")
                        .append(shorten(draft.subject, 200))
                        .append("\".");
            case CO_LINK ->
                why.append("Co-link: ")
                        .append(accounts)
                        .append(" distinct accounts shared ")
                        .append(draft.subject)
                        .append(" (")
                        .append(draft.signalCount)
                        .append(" signals")
                        .append(span)
                        .append("). Flagged when at least ")
                        .append(c.get("min_accounts"))
                        .append(" accounts share the same canonical URL within ")
                        .append(c.get("window"))
                        .append('.');
            case HASHTAG_PUSH, SURGE ->
                why.append(
                                draft.kind == org.varsel.contract.IncidentKind.HASHTAG_PUSH
                                        ? "Hashtag push: #" + draft.subject
                                        : "Surge of " + draft.subject.replace(':', ' '))
                        .append(": ")
                        .append(c.get("opening_bucket_accounts"))
                        .append(" distinct accounts in the ")
                        .append(c.get("bucket"))
                        .append(" bucket starting ")
                        .append(c.get("opening_bucket"))
                        .append(" against a baseline of ")
                        .append(c.get("baseline_per_bucket"))
                        .append(" accounts per bucket (EWMA, alpha ")
                        .append(c.get("alpha"))
                        .append("). Flagged when a bucket reaches at least ")
                        .append(c.get("min_accounts"))
                        .append(" accounts and ")
                        .append(c.get("factor"))
                        .append("× the baseline (here ")
                        .append(c.get("bucket_threshold"))
                        .append("). Since then ")
                        .append(accounts)
                        .append(" accounts, ")
                        .append(draft.signalCount)
                        .append(" signals")
                        .append(span)
                        .append('.');
            case HIGH_SEVERITY -> {
                why.append("Single high-severity signal: ")
                        .append(c.get("trigger"))
                        .append('.');
                if (c.containsKey("partner")) {
                    why.append(' ').append(partnerAssessed(draft, c.get("partner_category")));
                }
            }
            case EARLY_WARNING ->
                why.append("Early warning: threatening and dehumanising signals against ")
                        .append(c.get("target_group"))
                        .append(c.containsKey("region") ? " in " + c.get("region") : "")
                        .append(" were above their baseline for ")
                        .append(c.get("raised_periods"))
                        .append(' ')
                        .append(periodWord(c.get("period")))
                        .append("s in a row since ")
                        .append(c.get("rise_started"))
                        .append(" (")
                        .append(draft.signalCount)
                        .append(" signals). Baseline: mean ")
                        .append(c.get("baseline_mean"))
                        .append(" and spread ")
                        .append(c.get("baseline_spread"))
                        .append(" per ")
                        .append(periodWord(c.get("period")))
                        .append(" over the previous ")
                        .append(c.get("baseline_periods"))
                        .append("; a period counts as raised at max(")
                        .append(c.get("min_count"))
                        .append(", mean + ")
                        .append(c.get("sigmas"))
                        .append(" × spread) = ")
                        .append(c.get("period_threshold"))
                        .append(", and ")
                        .append(c.get("sustained_periods"))
                        .append(" raised periods in a row open a warning (a single spike does not). Examples from ")
                        .append(accounts)
                        .append(" accounts.");
            case PARTNER_ASSESSMENT -> why.append(partnerAssessed(draft, draft.subject));
        }
        if (!draft.ruleHits.isEmpty()) {
            List<String> hits = new ArrayList<>();
            new TreeMap<>(draft.ruleHits).values().forEach(h -> hits.add(describe(h)));
            why.append(" Rules: ").append(String.join("; ", hits)).append('.');
        }
        if (!draft.maxScores.isEmpty()) {
            List<String> scores = new ArrayList<>();
            new TreeMap<>(draft.maxScores)
                    .forEach((label, score) ->
                            scores.add(label + " " + String.format(java.util.Locale.ROOT, "%.2f", score)));
            why.append(" Classifier (highest per label")
                    .append(draft.modelVersion == null ? "" : ", model " + draft.modelVersion)
                    .append("): ")
                    .append(String.join(", ", scores))
                    .append('.');
        }
        if (draft.maxPartnerConfidence > 0 && !draft.coordination.containsKey("partner")) {
            why.append(" Highest partner confidence: ")
                    .append(draft.maxPartnerConfidence)
                    .append('.');
        }
        return why.append(' ').append(severity.why()).toString();
    }

    private static String partnerAssessed(IncidentDraft draft, String category) {
        Map<String, String> c = draft.coordination;
        return c.get("partner") + " assessed this as " + category
                + (c.containsKey("confidence") ? " with confidence " + c.get("confidence") + "/100" : "")
                + (draft.disarm.isEmpty() ? "" : "; DISARM techniques " + String.join(", ", draft.disarm))
                + (draft.targetGroups.isEmpty() ? "" : "; targets " + String.join(", ", draft.targetGroups))
                + ". Partner assessments with confidence ≥ " + c.get("min_confidence") + " always reach the queue.";
    }

    static String periodWord(String period) {
        return "P7D".equals(period) ? "week" : "day";
    }

    private static String describe(Incident.RuleHitSummary hit) {
        return hit.ruleId() + (hit.title() == null ? "" : " \"" + hit.title() + "\"") + " (severity " + hit.severity()
                + (hit.category() == null ? "" : ", " + hit.category()) + ") ×" + hit.count();
    }

    /** {@code text} on one line, cut at {@code max} characters with an ellipsis. */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = WHITESPACE.matcher(text).replaceAll(" ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}

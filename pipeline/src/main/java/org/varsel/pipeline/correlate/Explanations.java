package org.varsel.pipeline.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;

/**
 * Explanations for the analyst (titles are {@link IncidentTitle}'s): which detector flagged the incident, its
 * thresholds against what was observed, which rules matched, which classifier scores and partner assessments counted,
 * and the severity arithmetic.
 * The detector's facts come from the draft's coordination evidence, so the explanation and the evidence agree.
 */
public final class Explanations {
    private static final String CO_SIMILAR_TEXT = "Co-similar text: {accounts} distinct accounts posted near-duplicate"
            + " text ({signals} posts{span}). Flagged when at least {min_accounts} accounts post text whose Jaccard"
            + " similarity (MinHash bottom-k sketch, k = {hashes}, over {shingle_words}-word shingles, URLs, mentions,"
            + " punctuation and case removed) with the first post is at least {jaccard_threshold} within {window}."
            + " First post: \"{first_post}\".";
    private static final String CO_LINK = "Co-link: {accounts} distinct accounts shared {subject} ({signals} signals"
            + "{span}). Flagged when at least {min_accounts} accounts share the same canonical URL within {window}.";
    private static final String BURST = "{burst}: {opening_bucket_accounts} distinct accounts in the {bucket} bucket"
            + " starting {opening_bucket} against a baseline of {baseline_per_bucket} accounts per bucket (EWMA, alpha"
            + " {alpha}). Flagged when a bucket reaches at least {min_accounts} accounts and {factor}× the baseline (here"
            + " {bucket_threshold}). Since then {accounts} accounts, {signals} signals{span}.";
    private static final String EARLY_WARNING = "Early warning: threatening and dehumanising signals against"
            + " {target_group}{in_region} were above their baseline for {raised_periods} {period_word}s in a row since"
            + " {rise_started} ({signals} signals). Baseline: mean {baseline_mean} and spread {baseline_spread} per"
            + " {period_word} over the previous {baseline_periods}; a period counts as raised at max({min_count}, mean"
            + " + {sigmas} × spread) = {period_threshold}, and {sustained_periods} raised periods in a row open a"
            + " warning (a single spike does not). Examples from {accounts} accounts.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    /** Compiled once: a campaign's summary shortens the text of each of its findings at every emission. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Explanations() {}

    static String explain(IncidentDraft draft, Severity severity) {
        Map<String, String> c = draft.coordination;
        StringBuilder why = new StringBuilder();
        String span =
                " between " + Instant.ofEpochMilli(draft.firstSeen) + " and " + Instant.ofEpochMilli(draft.lastSeen);
        String accounts = draft.accountCount + (draft.accountsSaturated ? "+" : "");
        Map<String, String> about = new HashMap<>();
        about.put("accounts", accounts);
        about.put("signals", Integer.toString(draft.signalCount));
        about.put("span", span);
        about.put("subject", draft.subject);
        switch (draft.kind) {
            case CO_SIMILAR_TEXT -> {
                about.put("first_post", shorten(draft.subject, 200));
                why.append(fill(CO_SIMILAR_TEXT, about, c));
            }
            case CO_LINK -> why.append(fill(CO_LINK, about, c));
            case HASHTAG_PUSH, SURGE -> {
                about.put(
                        "burst",
                        draft.kind == IncidentKind.HASHTAG_PUSH
                                ? "Hashtag push: #" + draft.subject
                                : "Surge of " + draft.subject.replace(':', ' '));
                why.append(fill(BURST, about, c));
            }
            case HIGH_SEVERITY -> {
                why.append("Single high-severity signal: ")
                        .append(c.get("trigger"))
                        .append('.');
                if (c.containsKey("partner")) {
                    why.append(' ').append(partnerAssessed(draft, c.get("partner_category")));
                }
            }
            case EARLY_WARNING -> {
                about.put("in_region", c.containsKey("region") ? " in " + c.get("region") : "");
                about.put("period_word", periodWord(c.get("period")));
                why.append(fill(EARLY_WARNING, about, c));
            }
            case PARTNER_ASSESSMENT -> why.append(partnerAssessed(draft, draft.subject));
        }
        if (!draft.ruleHits.isEmpty()) {
            List<String> hits = new ArrayList<>();
            new TreeMap<>(draft.ruleHits).values().forEach(h -> hits.add(describe(h)));
            why.append(" Rules: ").append(String.join("; ", hits)).append('.');
        }
        if (!draft.maxScores.isEmpty()) {
            List<String> scores = new ArrayList<>();
            new TreeMap<>(draft.maxScores).forEach((label, score) -> scores.add(label + " " + TwoDecimals.of(score)));
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

    /**
     * The template with each {@code {name}} replaced by what the incident says ({@code about}), else by the detector's
     * fact of that name (its thresholds and observations, {@code facts}): the sentence reads as the analyst gets it.
     */
    private static String fill(String template, Map<String, String> about, Map<String, String> facts) {
        return PLACEHOLDER
                .matcher(template)
                .replaceAll(m -> Matcher.quoteReplacement(
                        String.valueOf(about.containsKey(m.group(1)) ? about.get(m.group(1)) : facts.get(m.group(1)))));
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

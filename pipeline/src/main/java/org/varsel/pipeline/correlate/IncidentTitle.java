package org.varsel.pipeline.correlate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.varsel.contract.CategoryNames;
import org.varsel.contract.Incident;

/**
 * What an incident is about, in one line for the queue: the harm in words, whom it targets, a short excerpt without
 * handles or links, and how many accounts took part. The detector that flagged it is the explanation's business: a
 * queue of "Partner assessment: incitement (partner:ngo-a)" rows told the analyst nothing to choose by.
 */
public final class IncidentTitle {
    /** Characters of a post quoted in a title; the explanation and the evidence hold the rest. */
    static final int EXCERPT_CHARS = 70;

    private static final int GROUPS_NAMED = 2;
    // handles name people (pseudonymised or not, they say nothing of the content) and links are shown as links
    // elsewhere
    private static final Pattern HANDLES_AND_LINKS = Pattern.compile("(?:https?://|www\\.)\\S+|(?<![\\w@])@\\w[\\w.]*");

    private IncidentTitle() {}

    /** The title of the draft's next version; {@code evidence} are its evidence signals, best first. */
    static String of(IncidentDraft draft, List<Incident.EvidenceSignal> evidence) {
        Map<String, String> c = draft.coordination;
        String accounts = draft.accountCount + (draft.accountsSaturated ? "+" : "") + " accounts";
        String title = switch (draft.kind) {
            case HIGH_SEVERITY, PARTNER_ASSESSMENT ->
                harm(draft.subject)
                        + against(draft)
                        + quoted(
                                ": ",
                                evidence.isEmpty() ? null : evidence.get(0).text());
            case CO_SIMILAR_TEXT -> about(draft) + "same text from " + accounts + quoted(": ", draft.subject);
            case CO_LINK ->
                about(draft) + "one link shared by " + accounts + ": " + Explanations.shorten(draft.subject, 100);
            case HASHTAG_PUSH -> about(draft) + "#" + draft.subject + " pushed by " + accounts;
            case SURGE -> "Surge of " + surgeSubject(draft.subject) + " (" + accounts + ")";
            case EARLY_WARNING ->
                "Early warning: threats and dehumanisation against " + c.get("target_group")
                        + (c.containsKey("region") ? " in " + c.get("region") : "") + " rising for "
                        + c.get("raised_periods") + " "
                        + Explanations.periodWord(c.get("period")) + "s";
            case CAMPAIGN ->
                throw new IllegalStateException(
                        "a campaign is built from its findings (campaign.CampaignIncident), not from a draft");
        };
        return title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
    }

    /** {@code text} without handles and links, on one line, cut at a word boundary near {@code max} characters. */
    public static String excerpt(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = HANDLES_AND_LINKS
                .matcher(text)
                .replaceAll(" ")
                .replaceAll("\\s+", " ")
                .trim();
        if (clean.length() <= max) {
            return clean;
        }
        int cut = clean.lastIndexOf(' ', max);
        return clean.substring(0, cut > max / 2 ? cut : max).replaceAll("[\\s,;:.!?-]+$", "") + "…";
    }

    private static String quoted(String before, String text) {
        String excerpt = excerpt(text, EXCERPT_CHARS);
        return excerpt.isEmpty() ? "" : before + "\"" + excerpt + "\"";
    }

    private static String harm(String label) {
        return CategoryNames.name(CategoryNames.category(label).orElse(label));
    }

    /** "Hate speech against migrants: " when the draft has a category of harm, else nothing. */
    private static String about(IncidentDraft draft) {
        List<String> harms = draft.categories.stream()
                .map(CategoryNames::category)
                .flatMap(Optional::stream)
                .toList();
        if (harms.isEmpty()) {
            return "";
        }
        // a rule's or a partner's category says more than the classifier's hateful/threat, which come last
        String harm = harms.stream()
                .filter(h -> !CategoryNames.CLASSIFIER_LABELS.contains(h) && !"hate".equals(h))
                .findFirst()
                .orElse(harms.get(0));
        return harm(harm) + against(draft) + ": ";
    }

    private static String against(IncidentDraft draft) {
        if (draft.targetGroups.isEmpty()) {
            return "";
        }
        List<String> named = draft.targetGroups.subList(0, Math.min(GROUPS_NAMED, draft.targetGroups.size()));
        return " against " + String.join(" and ", named)
                + (draft.targetGroups.size() > GROUPS_NAMED ? " and others" : "");
    }

    /** A surge key ({@code category:threat}, {@code target:roma}) in words. */
    private static String surgeSubject(String key) {
        if (key.startsWith("category:")) {
            return harm(key.substring("category:".length())).toLowerCase(Locale.ROOT);
        }
        return key.startsWith("target:") ? "harm against " + key.substring("target:".length()) : key.replace(':', ' ');
    }
}

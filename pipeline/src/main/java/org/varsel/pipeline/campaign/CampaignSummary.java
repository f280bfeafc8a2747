package org.varsel.pipeline.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.pipeline.correlate.DistinctSketch;
import org.varsel.pipeline.correlate.Explanations;

/**
 * A campaign's title and explanation, written as an analyst would summarise it: how many accounts did what, with which
 * hashtags, links and texts, in how long; then which finding set its severity.
 */
final class CampaignSummary {
    private CampaignSummary() {}

    static String title(List<Incident> findings, int accounts, List<String> hashtags, List<String> urls) {
        String about = !hashtags.isEmpty()
                ? "#" + hashtags.get(0)
                : !urls.isEmpty() ? urls.get(0) : findings.get(0).title();
        return "Campaign: " + Explanations.shorten(about, 100) + " (" + accounts + " accounts, " + findings.size()
                + " findings)";
    }

    static String explain(
            List<Incident> findings, int accounts, int signals, Incident gravest, List<CampaignMember> members) {
        Instant first = firstSeen(findings);
        Instant last = lastSeen(findings);
        Map<IncidentKind, List<CampaignMember>> byKind = new EnumMap<>(IncidentKind.class);
        members.forEach(m -> byKind.computeIfAbsent(m.incident.kind(), k -> new ArrayList<>())
                .add(m));
        List<String> acts = new ArrayList<>();
        byKind.forEach((kind, group) -> acts.add(act(kind, group)));
        return accounts + " accounts, " + signals + " posts within " + duration(Duration.between(first, last)) + " ("
                + first + " to "
                + last + "): " + String.join("; ", acts) + ". " + findings.size()
                + " findings joined: each shares accounts and a link, "
                + "hashtag or text with another within a short gap (see each finding's reason). Severity "
                + gravest.severity() + ", tier "
                + gravest.tier().label() + ", from the gravest finding ("
                + gravest.kind().label() + " " + gravest.id() + ").";
    }

    static Instant firstSeen(List<Incident> findings) {
        return findings.stream()
                .map(Incident::firstSeen)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    static Instant lastSeen(List<Incident> findings) {
        return findings.stream()
                .map(Incident::lastSeen)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** Distinct accounts across the members: their sketches' union, and never fewer than the largest member counts. */
    static int accounts(List<CampaignMember> members) {
        long[] accounts = new long[0];
        for (CampaignMember member : members) {
            accounts = DistinctSketch.union(accounts, member.accounts);
        }
        return Math.max(
                DistinctSketch.size(accounts),
                members.stream().mapToInt(m -> m.incident.accountCount()).max().orElse(0));
    }

    private static String act(IncidentKind kind, List<CampaignMember> group) {
        int who = accounts(group);
        Set<String> subjects = new LinkedHashSet<>();
        for (CampaignMember member : group) {
            subjects.add(
                    kind == IncidentKind.CO_SIMILAR_TEXT
                            ? "\"" + Explanations.shorten(subject(member.incident), 60) + "\""
                            : subject(member.incident));
        }
        String listed = String.join(", ", subjects.stream().limit(3).toList()) + (subjects.size() > 3 ? ", …" : "");
        return switch (kind) {
            case HASHTAG_PUSH -> who + " accounts pushed " + listed;
            case CO_LINK -> who + " shared " + plural(subjects.size(), "link") + " (" + listed + ")";
            case CO_SIMILAR_TEXT ->
                who + " posted near-identical text (" + plural(subjects.size(), "cluster") + ": " + listed + ")";
            case SURGE -> who + " drove a surge of " + listed;
            default -> plural(group.size(), "high-severity post") + " from campaign accounts (" + listed + ")";
        };
    }

    /** What a finding is about: its link, hashtag, text or surge key; for a single signal, its trigger. */
    static String subject(Incident finding) {
        Map<String, String> facts = finding.evidence().coordination();
        String subject = switch (finding.kind()) {
            case HASHTAG_PUSH -> "#" + facts.get("hashtag");
            case CO_LINK -> facts.get("shared_url");
            case CO_SIMILAR_TEXT -> facts.get("shared_text");
            case SURGE -> facts.getOrDefault("surge_key", "").replace(':', ' ');
            default -> facts.get("trigger");
        };
        return subject == null ? finding.title() : subject;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String duration(Duration span) {
        long minutes = span.toMinutes();
        if (minutes < 90) {
            return minutes + " min";
        }
        double hours = minutes / 60.0;
        return hours < 48
                ? String.format(Locale.ROOT, hours < 10 ? "%.1f h" : "%.0f h", hours)
                : String.format(Locale.ROOT, "%.1f d", hours / 24);
    }
}

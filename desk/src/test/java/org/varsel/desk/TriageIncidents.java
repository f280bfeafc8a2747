package org.varsel.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;

/** Incidents with the evidence an analyst reads: signals from two partners, matched terms, rules and scores. */
final class TriageIncidents {
    static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    static final String HOSTILE = "<script>alert('xss')</script><img src=x onerror=alert(1)> vermin go home";

    private TriageIncidents() {}

    /** A campaign: one signal from partner ngo-a, one from ngo-b, one from a feed; rule r-vermin matched "vermin". */
    static Incident campaign(
            String id, long version, String title, String category, Tier tier, String signalText, String url) {
        return campaign(id, version, title, category, tier, signalText, url, "acct_a");
    }

    /** {@link #campaign} whose ngo-a signal was posted by {@code account} (a pseudonym, as the pipeline stores it). */
    static Incident campaign(
            String id,
            long version,
            String title,
            String category,
            Tier tier,
            String signalText,
            String url,
            String account) {
        int at = signalText.indexOf("vermin");
        List<Incident.MatchedTerm> terms = at < 0 ? List.of() : List.of(new Incident.MatchedTerm("vermin", at, at + 6));
        List<Incident.EvidenceSignal> signals = new ArrayList<>();
        signals.add(signal("sig-a-" + id, "partner:ngo-a", account, signalText, category, terms));
        signals.add(signal(
                "sig-b-" + id,
                "partner:ngo-b",
                "acct_b",
                "ngo-b only: they are vermin",
                category,
                List.of(new Incident.MatchedTerm("vermin", 21, 27))));
        signals.add(signal("sig-f-" + id, "feed:rss", "acct_f", "feed text about the rally", category, List.of()));
        List<Incident.TimelineBucket> timeline = List.of(
                new Incident.TimelineBucket(START, 2),
                new Incident.TimelineBucket(START.plusSeconds(600), 7),
                new Incident.TimelineBucket(START.plusSeconds(1200), 4));
        return Incident.builder()
                .id(id)
                .version(version)
                .kind(IncidentKind.CO_SIMILAR_TEXT)
                .title(title)
                .firstSeen(START)
                .lastSeen(START.plusSeconds(1200 + version))
                .updatedAt(START.plusSeconds(1300 + version))
                .signalCount(13)
                .accountCount(3)
                .sources(List.of("partner:ngo-a", "partner:ngo-b", "feed:rss"))
                .platforms(List.of("x", "telegram"))
                .languages(List.of("en", "da"))
                .categories(List.of(category))
                .disarm(List.of("T0049"))
                .hashtags(List.of("#gohome"))
                .urls(List.of(url))
                .targetGroups(List.of("migrants"))
                .hallmarks(List.of("dehumanisation"))
                .ruleHits(List.of(new Incident.RuleHitSummary("r-vermin", "Vermin metaphor", 4, category, "pack-1", 2)))
                .classifier(new Incident.ClassifierSummary("doccat-2025-03", Map.of("hateful", 0.91, "offensive", 0.4)))
                .evidence(new Incident.Evidence(
                        signals,
                        List.of(account, "acct_b", "acct_f"),
                        timeline,
                        Map.of("similarity", "0.93 across 3 accounts", "window", "PT20M")))
                .severity(version > 1 ? 85 : 75)
                .tier(tier)
                .tlp(Tlp.AMBER)
                .explanation("Three accounts posted near-identical text calling a group vermin within 20 minutes.")
                .build();
    }

    /**
     * A campaign of three findings (a hashtag push, a co-link, a co-similar cluster) over nine accounts, acct_a and
     * acct_b in every finding; {@code founderId} is the hashtag push, merged into it.
     */
    static Incident consolidated(String id, String founderId) {
        Incident base = campaign(
                id,
                3,
                "Campaign: #poisonedwater (9 accounts, 3 findings)",
                "influence-operation",
                Tier.HIGH,
                "the water in springfield is poisoned",
                "https://hoax.example/water");
        List<Incident.Finding> findings = List.of(
                finding(
                        founderId,
                        IncidentKind.HASHTAG_PUSH,
                        "#poisonedwater",
                        List.of("acct_a", "acct_b", "acct_c", "acct_d", "acct_e", "acct_f"),
                        null),
                finding(
                        "inc-link" + id.substring(4),
                        IncidentKind.CO_LINK,
                        "https://hoax.example/water",
                        List.of("acct_a", "acct_b", "acct_g", "acct_h"),
                        "shares 2 of 4 accounts (50 % ≥ 50 %) and #poisonedwater with hashtag-push " + founderId
                                + "; windows overlap"),
                finding(
                        "inc-text" + id.substring(4),
                        IncidentKind.CO_SIMILAR_TEXT,
                        "the water in springfield is poisoned share it",
                        List.of("acct_a", "acct_b", "acct_i"),
                        "shares 2 of 3 accounts (67 % ≥ 50 %) and near-identical text with co-link inc-link"
                                + id.substring(4) + "; windows overlap"));
        return base.toBuilder()
                .id(id)
                .kind(IncidentKind.CAMPAIGN)
                .signalCount(31)
                .accountCount(9)
                .hashtags(List.of("poisonedwater"))
                .urls(List.of("https://hoax.example/water"))
                .evidence(new Incident.Evidence(
                        base.evidence().signals(),
                        List.of("acct_a", "acct_b", "acct_c", "acct_g"),
                        base.evidence().timeline(),
                        base.evidence().coordination(),
                        Map.of("acct_a", 9, "acct_b", 6, "acct_c", 2, "acct_g", 2)))
                .explanation("9 accounts, 31 posts within 20 min: 6 accounts pushed #poisonedwater; 4 shared 1 link;"
                        + " 3 posted near-identical text.")
                .findings(findings)
                .build();
    }

    private static Incident.Finding finding(
            String id, IncidentKind kind, String subject, List<String> accounts, String because) {
        return new Incident.Finding(
                id,
                kind,
                kind.label() + ": " + subject,
                START,
                START.plusSeconds(1200),
                accounts.size() * 2,
                accounts.size(),
                60,
                accounts,
                List.of("poisonedwater"),
                List.of("https://hoax.example/water"),
                subject,
                List.of(
                        new Incident.TimelineBucket(START, accounts.size()),
                        new Incident.TimelineBucket(START.plusSeconds(600), accounts.size())),
                "what the detector saw",
                because,
                accounts.stream().collect(java.util.stream.Collectors.toMap(a -> a, a -> 2)));
    }

    private static Incident.EvidenceSignal signal(
            String id, String source, String author, String text, String category, List<Incident.MatchedTerm> terms) {
        return new Incident.EvidenceSignal(
                id,
                source,
                "ext-" + id,
                START,
                "https://x.com/" + author + "/status/1",
                "x",
                author,
                text,
                "en",
                Tlp.AMBER,
                category,
                terms.isEmpty() ? List.of() : List.of("r-vermin"),
                terms,
                Map.of("hateful", 0.9));
    }
}

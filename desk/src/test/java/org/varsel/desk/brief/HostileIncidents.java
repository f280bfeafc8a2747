package org.varsel.desk.brief;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;

/**
 * Incidents written by the adversary: HTML and Markdown injection in every field, and evidence at every TLP marking,
 * each carrying a marker string so a test can tell exactly what reached an export.
 */
public final class HostileIncidents {
    public static final Path SETTINGS = Path.of("src/test/resources/briefs-test.yaml");

    public static final String HOSTILE = "<script>alert('x')</script> <img src=x onerror=alert(1)> "
            + "[click me](javascript:alert(document.cookie)) | col | break | ``` fence ``` and `tick` **bold** # heading "
            + "<a href=\"javascript:alert(2)\">link</a> &amp; ]]> æøå";
    public static final String GREEN_URL = "https://x.com/hater_1/status/1001?q=<b>'\"|`";
    public static final String JAVASCRIPT_URL = "javascript:alert(document.cookie)//https://x.com/a";
    public static final String AMBER_SHARED_URL = "https://x.com/amber_ok/status/2002";
    public static final String AMBER_WITHHELD_URL = "https://x.com/amber_no/status/3003";
    public static final String STRICT_URL = "https://x.com/strict/status/4004";
    public static final String RED_URL = "https://x.com/red_account/status/5005";
    public static final String OTHER_PLATFORM_URL = "https://facebook.com/posts/6006";

    public static final String AMBER_SHARED_TEXT = "AMBER-SHARED-BY-NGO-A kill them all";
    public static final String AMBER_WITHHELD_TEXT = "AMBER-WITHHELD-NGO-B";
    public static final String STRICT_TEXT = "AMBER-STRICT-WITHHELD";
    public static final String RED_TEXT = "RED-NEVER-LEAVES";
    public static final String RED_AUTHOR = "@red_author_secret";
    public static final String EXPLANATION = "EXPLANATION-MIXES-RED partner:ngo-a said so";
    public static final String VICTIM = "Mette Jensen";
    public static final String STAFF_EMAIL = "case.worker@ngo-a.example";

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private HostileIncidents() {}

    public static BriefSettings settings() {
        return BriefSettings.load(Optional.of(SETTINGS));
    }

    /** Evidence at every marking, from a feed and from two partners, on platform x (and one on facebook). */
    public static Incident mixed(String id) {
        return incident(
                id,
                Tlp.RED,
                EXPLANATION,
                List.of(
                        signal(
                                "s1",
                                "feed:rss",
                                GREEN_URL,
                                "x",
                                "@hater_1",
                                HOSTILE + " " + VICTIM + " " + STAFF_EMAIL,
                                Tlp.GREEN,
                                0),
                        signal(
                                "s2",
                                "feed:rss",
                                JAVASCRIPT_URL,
                                "x",
                                "@hater_2<script>",
                                "second `post` | with | pipes",
                                Tlp.CLEAR,
                                60),
                        signal(
                                "s3",
                                "partner:ngo-a",
                                AMBER_SHARED_URL,
                                "x",
                                "@amber_ok",
                                AMBER_SHARED_TEXT,
                                Tlp.AMBER,
                                120),
                        signal(
                                "s4",
                                "partner:ngo-b",
                                AMBER_WITHHELD_URL,
                                "x",
                                "@amber_no",
                                AMBER_WITHHELD_TEXT,
                                Tlp.AMBER,
                                180),
                        signal("s5", "partner:ngo-b", STRICT_URL, "x", "@strict", STRICT_TEXT, Tlp.AMBER_STRICT, 240),
                        signal("s6", "partner:ngo-a", RED_URL, "x", RED_AUTHOR, RED_TEXT, Tlp.RED, 300),
                        signal(
                                "s7",
                                "feed:rss",
                                OTHER_PLATFORM_URL,
                                "facebook",
                                "@fb_user",
                                "on another platform",
                                Tlp.GREEN,
                                360)));
    }

    /** Only TLP:RED evidence: no brief may be made of it. */
    public static Incident redOnly(String id) {
        return incident(
                id,
                Tlp.RED,
                EXPLANATION,
                List.of(
                        signal("r1", "partner:ngo-a", RED_URL, "x", RED_AUTHOR, RED_TEXT, Tlp.RED, 0),
                        signal("r2", "partner:ngo-b", RED_URL + "/2", "x", RED_AUTHOR, RED_TEXT, Tlp.RED, 60)));
    }

    /** Only GREEN evidence, shareable as a whole. */
    public static Incident green(String id, String url) {
        return incident(
                id,
                Tlp.GREEN,
                "Shareable explanation: partner:ngo-a flagged it",
                List.of(signal("g1", "feed:rss", url, "x", "@hater_1", "Kill all the " + HOSTILE, Tlp.GREEN, 0)));
    }

    /** GREEN evidence in Arabic ("these migrants must be expelled from the city") beside an English post. */
    public static Incident arabic(String id) {
        return incident(
                id,
                Tlp.GREEN,
                "Shareable explanation",
                List.of(
                        signal(
                                "a1",
                                "feed:rss",
                                "https://x.com/ar_1/status/7007",
                                "x",
                                "@ar_1",
                                ARABIC_TEXT,
                                Tlp.GREEN,
                                0),
                        signal(
                                "a2",
                                "feed:rss",
                                "https://x.com/en_1/status/7008",
                                "x",
                                "@en_1",
                                "Kill all of them",
                                Tlp.GREEN,
                                60)));
    }

    public static final String FINDING_EXPLANATION =
            "Hashtag push: 14 accounts pushed #poisonedwater " + HOSTILE + " " + VICTIM;

    /**
     * A campaign of two findings (a hashtag push it grew from, a co-link that joined) whose evidence and explanation
     * are at {@code tlp}; the mixed incident's evidence at every marking otherwise.
     */
    public static Incident campaign(String id, Tlp tlp) {
        Incident base = tlp == Tlp.GREEN ? green(id, GREEN_URL) : mixed(id);
        List<Incident.Finding> findings = List.of(
                new Incident.Finding(
                        "inc-push-" + id,
                        IncidentKind.HASHTAG_PUSH,
                        "Hashtag push: #poisonedwater",
                        T0,
                        T0.plusSeconds(3000),
                        120,
                        14,
                        60,
                        List.of("@acct_a", "@acct_b", "@acct_c"),
                        List.of("poisonedwater"),
                        List.of(),
                        "#poisonedwater",
                        List.of(),
                        FINDING_EXPLANATION,
                        null,
                        Map.of()),
                new Incident.Finding(
                        "inc-link-" + id,
                        IncidentKind.CO_LINK,
                        "Same link shared by 9 accounts",
                        T0.plusSeconds(600),
                        T0.plusSeconds(2400),
                        12,
                        9,
                        50,
                        List.of("@acct_a", "@acct_d"),
                        List.of("poisonedwater"),
                        List.of("https://hoax.example/water"),
                        "https://hoax.example/water",
                        List.of(),
                        "Co-link: 9 accounts shared it",
                        "shares 8 of 9 accounts (89 % ≥ 50 %) and #poisonedwater with hashtag-push inc-push-" + id
                                + "; windows overlap",
                        Map.of()));
        Map<String, String> coordination =
                new java.util.TreeMap<>(base.evidence().coordination());
        coordination.put("findings", "5");
        return base.toBuilder()
                .id(id)
                .version(2)
                .kind(IncidentKind.CAMPAIGN)
                .title("Campaign: #poisonedwater (17 accounts, 5 findings)")
                .firstSeen(T0)
                .lastSeen(T0.plusSeconds(3000))
                .updatedAt(T0.plusSeconds(3100))
                .signalCount(130)
                .accountCount(17)
                .hashtags(List.of("poisonedwater"))
                .urls(List.of("https://hoax.example/water"))
                .evidence(new Incident.Evidence(
                        base.evidence().signals(), base.evidence().accounts(), List.of(), coordination))
                .tlp(tlp)
                .findings(findings)
                .build();
    }

    public static final String ARABIC_TEXT = "يجب طرد هؤلاء المهاجرين من المدينة";

    /** Evidence in Amharic (Ethiopic script) and Burmese (Myanmar script), beside English. */
    public static Incident ethiopicAndMyanmar(String id) {
        return incident(
                id,
                Tlp.GREEN,
                "Shareable explanation",
                List.of(
                        signal(
                                "am1",
                                "feed:rss",
                                "https://x.com/am_1/status/7101",
                                "x",
                                "@am_1",
                                AMHARIC_TEXT,
                                Tlp.GREEN,
                                0),
                        signal(
                                "my1",
                                "feed:rss",
                                "https://x.com/my_1/status/7102",
                                "x",
                                "@my_1",
                                BURMESE_TEXT,
                                Tlp.GREEN,
                                30),
                        signal(
                                "en1",
                                "feed:rss",
                                "https://x.com/en_2/status/7103",
                                "x",
                                "@en_2",
                                "Kill all of them",
                                Tlp.GREEN,
                                60)));
    }

    /** "These people must be driven out of the town" (written for the project). */
    public static final String AMHARIC_TEXT = "እነዚህ ሰዎች ከከተማው መባረር አለባቸው";
    /** "They must all be driven out" (written for the project). */
    public static final String BURMESE_TEXT = "သူတို့အားလုံးကို မောင်းထုတ်ရမယ်";

    private static Incident incident(String id, Tlp tlp, String explanation, List<Incident.EvidenceSignal> signals) {
        return Incident.builder()
                .id(id)
                .kind(IncidentKind.CO_SIMILAR_TEXT)
                .title("Title " + HOSTILE)
                .firstSeen(T0)
                .lastSeen(T0.plusSeconds(360))
                .updatedAt(T0.plusSeconds(400))
                .signalCount(signals.size())
                .accountCount(signals.size())
                .sources(List.of("partner:ngo-a", "partner:ngo-b", "feed:rss"))
                .platforms(List.of("x"))
                .languages(List.of("en"))
                .categories(List.of("incitement", "dehumanisation"))
                .disarm(List.of("T0049", "T0085.001"))
                .hashtags(List.of("#tag"))
                .urls(signals.stream().map(Incident.EvidenceSignal::url).toList())
                .targetGroups(List.of("migrants <script>"))
                .hallmarks(List.of("dehumanisation"))
                .tcap(List.of("place"))
                .ruleHits(List.of(new Incident.RuleHitSummary(
                        "inc-en-call-to-kill-group", "Call to kill", 5, "incitement", "1", 2)))
                .evidence(new Incident.Evidence(
                        signals,
                        signals.stream().map(Incident.EvidenceSignal::author).toList(),
                        List.of(),
                        Map.of("shared_text", "SHARED " + HOSTILE, "window", "PT10M")))
                .severity(90)
                .tier(Tier.THREAT_TO_LIFE)
                .tlp(tlp)
                .explanation(explanation)
                .build();
    }

    private static Incident.EvidenceSignal signal(
            String id,
            String source,
            String url,
            String platform,
            String author,
            String text,
            Tlp tlp,
            int offsetSeconds) {
        return new Incident.EvidenceSignal(
                "sig-" + id,
                source,
                "ext-" + id,
                T0.plusSeconds(offsetSeconds),
                url,
                platform,
                author,
                text,
                "en",
                tlp,
                "incitement",
                List.of("inc-en-call-to-kill-group"),
                List.of(new Incident.MatchedTerm("kill", 0, 4)),
                Map.of("hateful", 0.9));
    }
}

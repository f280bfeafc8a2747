package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.DeskClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.desk.brief.BriefComposer;
import org.varsel.desk.brief.BriefRefused;
import org.varsel.desk.brief.BriefSettings;
import org.varsel.desk.brief.HostileIncidents;
import org.varsel.desk.brief.TlpPolicy;
import org.varsel.desk.brief.model.Audience;
import org.varsel.desk.brief.model.Track;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.retention.RetentionConfig;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * Property: incidents built from random mixes of partners, feeds and markings; no partner view, search, filter, brief
 * or training export carries a value that only evidence the caller may not see contributed. Every value a signal
 * contributes is a unique token {@code w<n>x}, so any token in an answer can be traced to the signals it came from.
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class PartnerViewPropertyTest {
    private static final long SEED = 20261204L;
    private static final int INCIDENTS = 40;
    private static final List<String> PARTNERS = List.of("p-one", "p-two", "p-three");
    private static final List<String> SOURCES =
            List.of("partner:p-one", "partner:p-two", "partner:p-three", "feed:rss");
    private static final List<String> PLATFORMS = List.of("x", "telegram");
    private static final Pattern TOKEN = Pattern.compile("w\\d+x");
    private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");

    private static Desk desk;
    private static DeskClient client;
    private static Caller lead;
    private static final Map<String, Caller> partners = new LinkedHashMap<>();
    /** Per incident: the signals it was built from, each with the tokens it contributed. */
    private static final Map<String, List<Contribution>> incidents = new LinkedHashMap<>();

    private static final Map<String, Incident> stored = new HashMap<>();

    /** One signal and every token it put into the incident (its text, url, author, hashtag, groups, title words...). */
    private record Contribution(
            String source,
            Tlp tlp,
            String platform,
            String textToken,
            String category,
            String rule,
            int severity,
            Set<String> tokens,
            List<String> searched) {}

    @BeforeAll
    static void storeRandomIncidents(LocalKafka kafka, PostgresDatabase database) throws Exception {
        // the incidents are a month old: a retention purge a minute into the run would strip their evidence mid-test
        desk = Desk.start(DeskTestSupport.config(kafka, database, Map.of(RetentionConfig.ENABLED, "false")));
        client = new DeskClient(desk.port());
        lead = Caller.bearer(desk.credentials()
                .createUser("prop-lead", "lead passphrase".toCharArray(), Role.LEAD, Optional.empty(), "t")
                .token());
        for (String partner : PARTNERS) {
            partners.put(
                    partner,
                    Caller.bearer(desk.credentials()
                            .createPartner(partner, partner, Optional.empty(), Tlp.RED, "t")
                            .token()));
        }
        Random random = new Random(SEED);
        int[] counter = {0};
        List<Incident> built = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            built.add(randomIncident("inc-prop-" + i, random, () -> "w" + counter[0]++ + "x"));
        }
        built.forEach(incident -> stored.put(incident.id(), incident));
        try (Database handle = Database.open(database.jdbcUrl(), database.user(), database.password())) {
            new IncidentStore(handle).upsert(built);
        }
        for (Incident incident : built) {
            if (incident.evidence().signals().stream().anyMatch(s -> s.text().contains("confirm"))) {
                client.post("/api/v1/incidents/" + incident.id() + "/status", lead, "{\"status\": \"triaging\"}");
                assertThat(client.post(
                                        "/api/v1/incidents/" + incident.id() + "/status",
                                        lead,
                                        "{\"status\": \"confirmed\"}")
                                .statusCode())
                        .isEqualTo(200);
            }
        }
    }

    @AfterAll
    static void stopDesk() {
        desk.close();
    }

    @Test
    void aPartnersViewsCarryOnlyValuesItsOwnEvidenceContributed() throws Exception {
        for (Map.Entry<String, Caller> partner : partners.entrySet()) {
            String own = "partner:" + partner.getKey();
            for (Map.Entry<String, List<Contribution>> incident : incidents.entrySet()) {
                var response = client.get("/api/v1/incidents/" + incident.getKey(), partner.getValue());
                boolean contributed =
                        incident.getValue().stream().anyMatch(c -> c.source().equals(own));
                assertThat(response.statusCode())
                        .as("%s reads %s", own, incident.getKey())
                        .isEqualTo(contributed ? 200 : 404);
                if (contributed) {
                    assertOnlyOwn(own, json(response), incident.getKey());
                }
            }
            JsonNode listed = json(client.get("/api/v1/incidents?limit=500", partner.getValue()));
            assertThat(listed.get("items")).isNotEmpty();
            Instant previous = Instant.MAX;
            for (JsonNode item : listed.get("items")) {
                assertOnlyOwn(own, item, item.get("id").asText());
                // by its own newest signal: an order by urgency would rank by what other sources' signals made of the
                // incident
                Instant newestOwn = Instant.MIN;
                for (JsonNode signal : item.path("evidence").path("signals")) {
                    Instant observed = Instant.parse(signal.get("observed_at").asText());
                    newestOwn = observed.isAfter(newestOwn) ? observed : newestOwn;
                }
                assertThat(newestOwn).as("%s's queue order", own).isBeforeOrEqualTo(previous);
                previous = newestOwn;
            }
        }
    }

    @Test
    void searchesAndFiltersAnswerOnlyFromAPartnersOwnEvidence() throws Exception {
        for (Map.Entry<String, Caller> partner : partners.entrySet()) {
            String own = "partner:" + partner.getKey();
            Caller caller = partner.getValue();
            for (Map.Entry<String, List<Contribution>> incident : incidents.entrySet()) {
                for (Contribution signal : incident.getValue()) {
                    for (String token : signal.searched()) {
                        // tokens of every signal, searched by every partner: a hit needs that partner's own
                        // contribution
                        Set<String> hits = ids("/api/v1/incidents?limit=500&q=" + token, caller);
                        assertThat(hits)
                                .as("%s searching %s", own, token)
                                .allSatisfy(id -> assertThat(contributedBy(
                                                id, own, c -> c.tokens().contains(token)))
                                        .isTrue());
                    }
                    if (signal.source().equals(own)) {
                        assertThat(ids("/api/v1/incidents?limit=500&q=" + signal.textToken(), caller))
                                .as("%s searching its own %s", own, signal.textToken())
                                .contains(incident.getKey());
                    }
                    assertThat(ids("/api/v1/incidents?limit=500&category=" + signal.category(), caller))
                            .allSatisfy(id -> assertThat(contributedBy(
                                            id, own, c -> c.category().equals(signal.category())))
                                    .isTrue());
                    assertThat(ids("/api/v1/incidents?limit=500&rule=" + signal.rule(), caller))
                            .allSatisfy(id -> assertThat(
                                            contributedBy(id, own, c -> c.rule().equals(signal.rule())))
                                    .isTrue());
                }
            }
            for (String platform : PLATFORMS) {
                assertThat(ids("/api/v1/incidents?limit=500&platform=" + platform, caller))
                        .allSatisfy(id -> assertThat(
                                        contributedBy(id, own, c -> c.platform().equals(platform)))
                                .isTrue());
            }
            for (String other : PARTNERS) {
                Set<String> filtered = ids("/api/v1/incidents?limit=500&partner=" + other, caller);
                if (own.equals("partner:" + other)) {
                    assertThat(filtered)
                            .isEqualTo(incidents.keySet().stream()
                                    .filter(id -> contributedBy(id, own, c -> true))
                                    .collect(java.util.stream.Collectors.toSet()));
                } else {
                    assertThat(filtered).as("%s filtering by %s", own, other).isEmpty();
                }
            }
        }
    }

    @Test
    void briefsCarryOnlyWhatTheTlpPolicyLetsTheAudienceReceive() throws Exception {
        BriefSettings settings = HostileIncidents.settings();
        TlpPolicy policy = settings.tlpPolicy();
        BriefComposer composer = new BriefComposer(settings);
        List<Audience> audiences = new ArrayList<>();
        for (Tlp ceiling : Tlp.values()) {
            PLATFORMS.forEach(platform -> audiences.add(Audience.platform(platform, ceiling)));
            PARTNERS.forEach(partner -> audiences.add(Audience.partner(partner, ceiling)));
        }
        int composed = 0;
        for (Map.Entry<String, List<Contribution>> entry : incidents.entrySet()) {
            Incident incident = stored.get(entry.getKey());
            for (Audience audience : audiences) {
                for (Track track : Track.values()) {
                    String brief;
                    try {
                        brief = composer.compose(new BriefComposer.Request(
                                        "brf-00000000-0000-4000-8000-000000000001",
                                        START,
                                        track,
                                        audience,
                                        List.of(incident)))
                                .brief()
                                .toString();
                    } catch (BriefRefused refused) {
                        continue;
                    }
                    composed++;
                    for (String token : tokens(brief)) {
                        assertThat(entry.getValue().stream()
                                        .anyMatch(c -> c.tokens().contains(token)
                                                && policy.evidence(c.tlp(), c.source(), audience)
                                                        .allowed()))
                                .as("%s in a %s brief of %s for %s", token, track, entry.getKey(), audience.label())
                                .isTrue();
                    }
                }
            }
        }
        assertThat(composed).as("briefs composed").isGreaterThan(20);
    }

    @Test
    void theTrainingExportLeavesOutRedAndAmberStrictTextAndMarksEveryLine() throws Exception {
        String jsonl = client.get("/api/v1/training-data", lead).body();
        Set<String> exported = new HashSet<>();
        for (String line : jsonl.split("\n")) {
            JsonNode json = org.varsel.contract.Json.mapper().readTree(line);
            Tlp tlp = Tlp.fromLabel(json.path("tlp").asText()).orElseThrow();
            assertThat(tlp).isIn(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);
            exported.addAll(tokens(json.get("text").asText()));
        }
        assertThat(exported).isNotEmpty();
        for (List<Contribution> signals : incidents.values()) {
            for (Contribution signal : signals) {
                if (signal.tlp() == Tlp.RED || signal.tlp() == Tlp.AMBER_STRICT) {
                    assertThat(exported).doesNotContain(signal.textToken());
                }
            }
        }
    }

    private static void assertOnlyOwn(String own, JsonNode view, String id) {
        for (String token : tokens(view.toString())) {
            assertThat(contributedBy(id, own, c -> c.tokens().contains(token)))
                    .as("%s in %s's view of %s", token, own, id)
                    .isTrue();
        }
        Tlp expected = incidents.get(id).stream()
                .filter(c -> c.source().equals(own))
                .map(Contribution::tlp)
                .reduce(Tlp::mostRestrictive)
                .orElseThrow();
        assertThat(view.get("tlp").asText())
                .as("marking of %s's view of %s", own, id)
                .isEqualTo(expected.label());
        assertThat(view.get("sources")).extracting(JsonNode::asText).containsExactly(own);
        // the urgency the pipeline computed over every signal: shown only when every signal is the partner's own
        if (incidents.get(id).stream().allMatch(c -> c.source().equals(own))) {
            int highest = incidents.get(id).stream()
                    .mapToInt(Contribution::severity)
                    .max()
                    .orElseThrow();
            assertThat(view.path("severity").asInt())
                    .as("severity of %s's view of %s", own, id)
                    .isEqualTo(highest);
            assertThat(view.path("tier").asText())
                    .isEqualTo(Tier.forSeverity(highest).label());
        } else {
            assertThat(view.has("severity") || view.has("tier"))
                    .as("urgency in %s's view of %s", own, id)
                    .isFalse();
        }
    }

    @Test
    void aPartnersTierFilterMatchesOnlyTheTierItsViewShows() throws Exception {
        for (Map.Entry<String, Caller> partner : partners.entrySet()) {
            for (Tier tier : Tier.values()) {
                for (String id : ids("/api/v1/incidents?limit=500&tier=" + tier.label(), partner.getValue())) {
                    assertThat(json(client.get("/api/v1/incidents/" + id, partner.getValue()))
                                    .path("tier")
                                    .asText())
                            .as("%s filtering by %s", partner.getKey(), tier.label())
                            .isEqualTo(tier.label());
                }
            }
        }
    }

    private static boolean contributedBy(String id, String source, Predicate<Contribution> what) {
        return incidents.get(id).stream().anyMatch(c -> c.source().equals(source) && what.test(c));
    }

    private static Set<String> tokens(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Set<String> ids(String path, Caller caller) throws Exception {
        var response = client.get(path.replace("#", URLEncoder.encode("#", StandardCharsets.UTF_8)), caller);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        Set<String> ids = new HashSet<>();
        json(response).get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** An incident of one to five signals from random sources and markings, merged as the pipeline merges them. */
    private static Incident randomIncident(String id, Random random, java.util.function.Supplier<String> token) {
        int size = 1 + random.nextInt(5);
        List<Contribution> contributions = new ArrayList<>();
        List<Incident.EvidenceSignal> signals = new ArrayList<>();
        Set<String> urls = new LinkedHashSet<>();
        Set<String> hashtags = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        Set<String> disarm = new LinkedHashSet<>();
        Set<String> hallmarks = new LinkedHashSet<>();
        Set<String> tcaps = new LinkedHashSet<>();
        int highest = 0;
        Set<String> categories = new LinkedHashSet<>();
        Set<String> platforms = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        List<Incident.RuleHitSummary> hits = new ArrayList<>();
        Map<String, String> coordination = new TreeMap<>();
        Map<String, Double> maxScores = new HashMap<>();
        StringBuilder title = new StringBuilder("Campaign");
        StringBuilder explanation = new StringBuilder("Accounts");
        Tlp marking = Tlp.CLEAR;
        String previousHashtag = null;
        for (int j = 0; j < size; j++) {
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            Tlp tlp = Tlp.values()[random.nextInt(Tlp.values().length)];
            String platform = PLATFORMS.get(random.nextInt(PLATFORMS.size()));
            // a hashtag sometimes shared with the previous signal: visible when either contributor is
            String hashtag = previousHashtag != null && random.nextInt(3) == 0 ? previousHashtag : token.get();
            previousHashtag = hashtag;
            String textToken = token.get();
            String url = "https://e.org/" + token.get();
            String post = "https://" + platform + ".example/" + token.get();
            String author = "@" + token.get();
            String category = token.get();
            String rule = "r-" + token.get();
            String group = token.get();
            String technique = token.get();
            String hallmark = token.get();
            String tcap = token.get();
            int severity = 5 + random.nextInt(95);
            String titleWord = token.get();
            String coordinationKey = token.get();
            String text = textToken + " says " + url + " #" + hashtag + (random.nextInt(3) == 0 ? " confirm" : "");
            double score = random.nextDouble();
            Set<String> tokens = new LinkedHashSet<>(tokens(String.join(
                    " ",
                    text,
                    post,
                    author,
                    category,
                    rule,
                    group,
                    technique,
                    hallmark,
                    tcap,
                    titleWord,
                    coordinationKey)));
            contributions.add(new Contribution(
                    source,
                    tlp,
                    platform,
                    textToken,
                    category,
                    rule,
                    severity,
                    tokens,
                    List.of(textToken, hashtag, titleWord, group, category)));
            signals.add(new Incident.EvidenceSignal(
                    "sig-" + id + "-" + j,
                    source,
                    "ext-" + j,
                    START.plusSeconds(60L * j),
                    post,
                    platform,
                    author,
                    text,
                    "en",
                    tlp,
                    category,
                    List.of(rule),
                    List.of(),
                    Map.of("hateful", score)));
            urls.add(url);
            hashtags.add(hashtag);
            groups.add(group);
            disarm.add(technique);
            hallmarks.add(hallmark);
            tcaps.add(tcap);
            categories.add(category);
            platforms.add(platform);
            sources.add(source);
            hits.add(new Incident.RuleHitSummary(rule, "Rule " + rule, severity, category, "pack-1", 1));
            highest = Math.max(highest, severity);
            coordination.put(coordinationKey, "seen");
            maxScores.merge("hateful", score, Math::max);
            title.append(' ').append(titleWord);
            explanation.append(' ').append(author);
            marking = marking.mostRestrictive(tlp);
        }
        incidents.put(id, contributions);
        List<String> accounts =
                signals.stream().map(Incident.EvidenceSignal::author).distinct().toList();
        return Incident.builder()
                .id(id)
                .kind(IncidentKind.CO_SIMILAR_TEXT)
                .title(title.toString())
                .firstSeen(START)
                .lastSeen(START.plusSeconds(60L * size))
                .updatedAt(START.plusSeconds(60L * size))
                .signalCount(size)
                .accountCount(accounts.size())
                .sources(List.copyOf(sources))
                .platforms(List.copyOf(platforms))
                .languages(List.of("en"))
                .categories(List.copyOf(categories))
                .disarm(List.copyOf(disarm))
                .hashtags(List.copyOf(hashtags))
                .urls(List.copyOf(urls))
                .targetGroups(List.copyOf(groups))
                .hallmarks(List.copyOf(hallmarks))
                .tcap(List.copyOf(tcaps))
                .ruleHits(hits)
                .classifier(new Incident.ClassifierSummary("doccat-test", maxScores))
                .evidence(new Incident.Evidence(
                        signals, accounts, List.of(new Incident.TimelineBucket(START, size)), coordination))
                .severity(highest)
                .tier(Tier.forSeverity(highest))
                .tlp(marking)
                .explanation(explanation.append(" posted alike.").toString())
                .build();
    }
}

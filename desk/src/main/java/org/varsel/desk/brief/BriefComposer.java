package org.varsel.desk.brief;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.varsel.contract.CategoryNames;
import org.varsel.contract.Incident;
import org.varsel.contract.Incident.EvidenceSignal;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.model.Audience;
import org.varsel.desk.brief.model.Brief;
import org.varsel.desk.brief.model.Track;

/**
 * Turns incidents into a {@link Brief} for one audience and track: keeps only the evidence {@link TlpPolicy} allows,
 * redacts personal data, and finds the legal provision or platform policy that applies. Pure, apart from the settings.
 */
public final class BriefComposer {
    /** Dangerous Speech hallmarks (Dangerous Speech Project), as categories or {@code hallmark:} labels. */
    static final Set<String> HALLMARKS = Set.of(
            "dehumanisation",
            "accusation-in-a-mirror",
            "threat-to-group-integrity",
            "attack-against-women-and-girls",
            "questioning-in-group-loyalty");

    private static final Pattern PARTNER_SOURCE = Pattern.compile("partner:[a-z0-9][a-z0-9-]{0,62}");
    private static final String PARTNER_REPORT = "partner report";

    private final BriefSettings settings;
    private final TlpPolicy policy;
    private final Redactor redactor;

    public BriefComposer(BriefSettings settings) {
        this.settings = settings;
        this.policy = settings.tlpPolicy();
        this.redactor = settings.redactor();
    }

    /** What to compose: a new brief's id and time, its track and audience, and the incidents it covers. */
    public record Request(String briefId, Instant createdAt, Track track, Audience audience, List<Incident> incidents) {
        public Request {
            incidents = List.copyOf(incidents);
        }
    }

    /** The composed brief and the incidents left out of it, with why. */
    public record Outcome(Brief brief, Map<String, String> skipped) {}

    /**
     * The brief, or {@link BriefRefused} when none of the incidents has anything the audience may receive (or, on the
     * DSA track, no legal provision applies). Incidents that cannot go are left out and named in {@link Outcome#skipped}.
     */
    public Outcome compose(Request request) {
        List<Brief.Incident> included = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Incident incident : request.incidents()) {
            try {
                included.add(incident(incident, request.track(), request.audience()));
            } catch (BriefRefused refused) {
                skipped.put(incident.id(), refused.getMessage());
            }
        }
        if (included.isEmpty()) {
            throw new BriefRefused(
                    skipped.isEmpty()
                            ? List.of("there are no incidents to brief")
                            : skipped.entrySet().stream()
                                    .map(e -> e.getKey() + ": " + e.getValue())
                                    .toList());
        }
        Tlp marking = included.stream().map(Brief.Incident::marking).reduce(Tlp.CLEAR, Tlp::mostRestrictive);
        Brief brief = new Brief(
                request.briefId(),
                request.createdAt(),
                request.track(),
                request.audience(),
                marking,
                settings.notifier(),
                settings.requestedAction().get(request.track().label()),
                settings.goodFaithStatement(),
                included);
        return new Outcome(brief, skipped);
    }

    private Brief.Incident incident(Incident incident, Track track, Audience audience) {
        List<EvidenceSignal> evidence =
                incident.evidence() == null || incident.evidence().signals() == null
                        ? List.of()
                        : incident.evidence().signals();
        if (!evidence.isEmpty() && evidence.stream().allMatch(s -> s.tlp() == Tlp.RED)) {
            throw new BriefRefused(List.of("its evidence is all TLP:RED, which never leaves the desk"));
        }
        List<EvidenceSignal> shared = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (EvidenceSignal signal : evidence) {
            TlpPolicy.Decision decision = policy.evidence(signal.tlp(), signal.source(), audience);
            if (!decision.allowed()) {
                reasons.add(decision.reason());
            } else if (onPlatform(signal, audience)) {
                shared.add(signal);
            }
        }
        if (shared.isEmpty()) {
            reasons.add(
                    evidence.isEmpty()
                            ? "it has no evidence to cite"
                            : "none of its evidence is on " + audience.label());
            throw new BriefRefused(
                    List.of("nothing in it may go to " + audience.label() + " (" + String.join("; ", reasons) + ")"));
        }
        List<String> accounts = shared.stream()
                .map(EvidenceSignal::author)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        boolean summaryShared =
                policy.summary(incident.tlp(), incident.sources(), audience).allowed();

        List<Brief.Item> items =
                shared.stream().map(s -> item(s, audience, accounts)).toList();
        // merged fields (categories, rule hits, DISARM, target groups, hallmarks, TCAP tags) mix every source: only
        // when
        // the summary may go; then the hallmarks a partner gave as a category
        List<String> categories = categories(incident, shared, summaryShared);
        List<String> hallmarks = Stream.concat(
                        summaryShared ? incident.hallmarks().stream() : Stream.empty(),
                        Stream.concat(
                                        summaryShared ? incident.categories().stream() : Stream.empty(),
                                        shared.stream().map(EvidenceSignal::category))
                                .filter(Objects::nonNull)
                                .map(c -> c.startsWith("hallmark:") ? c.substring("hallmark:".length()) : c)
                                .filter(HALLMARKS::contains))
                .distinct()
                .toList();
        List<Brief.Ground> grounds = grounds(track, audience, categories, items);
        Tlp marking = shared.stream().map(EvidenceSignal::tlp).reduce(Tlp.CLEAR, Tlp::mostRestrictive);
        if (summaryShared) {
            marking = marking.mostRestrictive(incident.tlp());
        }
        List<String> targetGroups = summaryShared ? incident.targetGroups() : List.of();
        List<String> tcap = summaryShared ? incident.tcap() : List.of();
        String summary = PlainSummary.of(new PlainSummary.Facts(
                items, categories, targetGroups, ruleTitles(incident, shared, summaryShared), tcap, incident.tier()));
        return new Brief.Incident(
                incident.id(),
                incident.version(),
                incident.kind().label(),
                summaryShared && incident.title() != null
                        ? text(incident.title(), audience, accounts)
                        : "Incident " + incident.id() + " (" + incident.kind().label() + ")",
                summary,
                incident.tier(),
                incident.severity(),
                marking,
                categories,
                hallmarks,
                tcap,
                summaryShared ? incident.disarm() : List.of(),
                targetGroups,
                summaryShared
                        ? incident.firstSeen()
                        : items.stream()
                                .map(Brief.Item::observedAt)
                                .min(Instant::compareTo)
                                .orElseThrow(),
                summaryShared
                        ? incident.lastSeen()
                        : items.stream()
                                .map(Brief.Item::observedAt)
                                .max(Instant::compareTo)
                                .orElseThrow(),
                summaryShared ? Optional.of(text(incident.explanation(), audience, accounts)) : Optional.empty(),
                summaryShared ? coordination(incident, audience, accounts) : Map.of(),
                items,
                grounds,
                summaryShared ? campaign(incident, audience, accounts) : Optional.empty());
    }

    /**
     * A campaign's totals and findings, redacted like its explanation. Findings mix the campaign's sources, so the caller
     * asks only when the incident's summary may go to the audience.
     */
    private Optional<Brief.Campaign> campaign(Incident incident, Audience audience, List<String> accounts) {
        if (incident.findings() == null || incident.findings().isEmpty()) {
            return Optional.empty();
        }
        List<Brief.Finding> findings = incident.findings().stream()
                .map(f -> new Brief.Finding(
                        f.incidentId(),
                        f.kind().label(),
                        text(f.subject() == null ? f.title() : f.subject(), audience, accounts),
                        f.firstSeen(),
                        f.lastSeen(),
                        f.signalCount(),
                        f.accountCount(),
                        f.accounts() == null
                                ? List.of()
                                : f.accounts().stream().map(BriefText::clean).toList(),
                        text(f.explanation(), audience, accounts),
                        Optional.ofNullable(text(f.joinedBecause(), audience, accounts))))
                .toList();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        findings.forEach(f -> byKind.merge(f.kind(), 1, Integer::sum));
        return Optional.of(new Brief.Campaign(
                incident.accountCount(),
                incident.signalCount(),
                incident.firstSeen(),
                incident.lastSeen(),
                Math.max(findings.size(), findingCount(incident)),
                byKind,
                incident.hashtags().stream()
                        .map(h -> text(h, audience, accounts))
                        .toList(),
                incident.urls().stream().map(BriefText::clean).toList(),
                findings));
    }

    /** All the campaign's findings, also those its incident does not list ({@code evidence.coordination.findings}). */
    private static int findingCount(Incident incident) {
        String count = incident.evidence() == null || incident.evidence().coordination() == null
                ? null
                : incident.evidence().coordination().get("findings");
        try {
            return count == null ? 0 : Integer.parseInt(count.trim());
        } catch (NumberFormatException notACount) {
            return 0;
        }
    }

    /** A notice to one platform cites only the content on that platform. */
    private static boolean onPlatform(EvidenceSignal signal, Audience audience) {
        return audience.platform()
                .map(p -> signal.platform() == null || p.equals(signal.platform()))
                .orElse(true);
    }

    private Brief.Item item(EvidenceSignal signal, Audience audience, List<String> accounts) {
        String source = signal.source() == null
                ? "unknown"
                : signal.source().startsWith("partner:") && !audience.isSourceOf(signal.source())
                        ? PARTNER_REPORT
                        : signal.source();
        List<String> terms = signal.matchedTerms() == null
                ? List.of()
                : signal.matchedTerms().stream()
                        .map(t -> text(t.term(), audience, accounts))
                        .distinct()
                        .toList();
        return new Brief.Item(
                BriefText.clean(signal.url()),
                signal.observedAt(),
                signal.platform(),
                BriefText.clean(signal.author()),
                text(signal.text(), audience, accounts),
                signal.tlp(),
                source,
                terms);
    }

    /** Cleaned, redacted, and with partner ids hidden from anyone but that partner. */
    private String text(String raw, Audience audience, List<String> accounts) {
        if (raw == null) {
            return null;
        }
        String redacted = redactor.redact(BriefText.clean(raw), accounts);
        return PARTNER_SOURCE
                .matcher(redacted)
                .replaceAll(m -> audience.isSourceOf(m.group()) ? m.group() : "a partner");
    }

    private Map<String, String> coordination(Incident incident, Audience audience, List<String> accounts) {
        Map<String, String> coordination = new LinkedHashMap<>();
        if (incident.evidence() != null && incident.evidence().coordination() != null) {
            incident.evidence()
                    .coordination()
                    .forEach((key, value) -> coordination.put(BriefText.clean(key), text(value, audience, accounts)));
        }
        return coordination;
    }

    /**
     * The incident's categories of harm, from the merged labels (when the summary may go), the rules that matched in the
     * cited evidence and the cited signals; classifier labels become categories ("hateful" is hate) or drop out
     * ("offensive", "neutral"), and hallmarks are listed as hallmarks.
     */
    private static List<String> categories(Incident incident, List<EvidenceSignal> shared, boolean summaryShared) {
        Stream<String> fromRules =
                citedRuleHits(incident, shared, summaryShared).map(Incident.RuleHitSummary::category);
        Stream<String> merged = summaryShared ? incident.categories().stream() : Stream.empty();
        return Stream.of(merged, fromRules, shared.stream().map(EvidenceSignal::category))
                .flatMap(s -> s)
                .filter(Objects::nonNull)
                .filter(c -> !c.startsWith("hallmark:") && !HALLMARKS.contains(c))
                .map(CategoryNames::category)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    private static List<String> ruleTitles(Incident incident, List<EvidenceSignal> shared, boolean summaryShared) {
        return citedRuleHits(incident, shared, summaryShared)
                .map(Incident.RuleHitSummary::title)
                .filter(Objects::nonNull)
                .map(BriefText::clean)
                .distinct()
                .toList();
    }

    /** The rule hits of the whole incident when its summary may go, else only of the rules that matched what is cited. */
    private static Stream<Incident.RuleHitSummary> citedRuleHits(
            Incident incident, List<EvidenceSignal> shared, boolean summaryShared) {
        Set<String> sharedRules = shared.stream()
                .filter(s -> s.ruleIds() != null)
                .flatMap(s -> s.ruleIds().stream())
                .collect(Collectors.toSet());
        return incident.ruleHits() == null
                ? Stream.empty()
                : incident.ruleHits().stream().filter(hit -> summaryShared || sharedRules.contains(hit.ruleId()));
    }

    private List<Brief.Ground> grounds(
            Track track, Audience audience, List<String> categories, List<Brief.Item> items) {
        List<Brief.Ground> grounds = new ArrayList<>();
        if (track == Track.DSA) {
            Map<String, String> provisions = settings.provisions();
            for (String category : categories) {
                String provision = provisions.get(category);
                if (provision != null) {
                    grounds.add(new Brief.Ground(category, provision, Optional.empty()));
                }
            }
            if (grounds.isEmpty()) {
                throw new BriefRefused(List.of(
                        "no legal provision is configured for its categories " + categories + " in jurisdiction "
                                + settings.jurisdiction() + "; add one to legal_provisions or use track=tos"));
            }
            return grounds;
        }
        List<String> platforms = audience.platform()
                .map(List::of)
                .orElseGet(() -> items.stream()
                        .map(Brief.Item::platform)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
        for (String platform : platforms) {
            for (String category : categories.isEmpty() ? List.of("default") : categories) {
                settings.policy(platform, category).ifPresent(p -> {
                    Brief.Ground ground = new Brief.Ground(category, p.name(), Optional.ofNullable(p.url()));
                    if (grounds.stream().noneMatch(g -> g.text().equals(ground.text()))) {
                        grounds.add(ground);
                    }
                });
            }
        }
        if (grounds.isEmpty()) {
            grounds.add(new Brief.Ground(
                    categories.isEmpty() ? "default" : categories.get(0),
                    "the platform's terms of service (no specific policy is configured for " + platforms + ")",
                    Optional.empty()));
        }
        return grounds;
    }
}

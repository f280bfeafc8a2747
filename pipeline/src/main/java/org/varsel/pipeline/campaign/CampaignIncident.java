package org.varsel.pipeline.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.correlate.DistinctSketch;

/**
 * A campaign as the queue's unit ({@code incident.v1}): one finding alone is emitted as it is; two or more become one
 * incident of kind {@code campaign} with totals (distinct accounts and signals from the findings' sketches), the top
 * hashtags and links (by how many findings carry them), every finding as evidence, and an explanation that reads like an
 * analyst's summary.
 */
final class CampaignIncident {
    private static final int MAX_VALUES = 50;
    private static final int MAX_EVIDENCE_SIGNALS = 10;
    private static final int MAX_ACCOUNTS = 100;
    private static final int MAX_TIMELINE_BUCKETS = 144;
    private static final int FINDING_VALUES = 10;
    /** Findings listed per campaign (the schema's cap); the totals and the summary count them all. */
    private static final int LISTED_FINDINGS = 100;

    /** The order the campaign's severity and tier are taken from: tier first, then severity, then id. */
    static final Comparator<Incident> GRAVEST_FIRST = Comparator.comparing(
                    (Incident i) -> i.tier().ordinal())
            .thenComparing(Comparator.comparingInt(Incident::severity).reversed())
            .thenComparing(Incident::id);

    private CampaignIncident() {}

    static Incident of(String campaignId, List<CampaignMember> members, long version) {
        if (members.size() == 1) {
            return members.get(0).incident.withVersion(version);
        }
        List<CampaignMember> ordered = new ArrayList<>(members);
        ordered.sort(Comparator.comparingInt((CampaignMember m) -> m.incident.accountCount())
                .reversed()
                .thenComparing(m -> m.incident.id()));
        List<Incident> findings = ordered.stream().map(m -> m.incident).toList();
        int accountCount = CampaignSummary.accounts(ordered);
        long[] signals = new long[0];
        for (CampaignMember member : ordered) {
            signals = DistinctSketch.union(signals, member.signals);
        }
        int signalCount = Math.max(
                DistinctSketch.size(signals),
                findings.stream().mapToInt(Incident::signalCount).max().orElse(1));
        Incident gravest = findings.stream().min(GRAVEST_FIRST).orElseThrow();
        Tlp tlp = findings.stream().map(Incident::tlp).reduce(Tlp.CLEAR, Tlp::mostRestrictive);
        List<String> hashtags = ranked(findings, Incident::hashtags);
        List<String> urls = ranked(findings, Incident::urls);
        Instant first = CampaignSummary.firstSeen(findings);
        Instant last = CampaignSummary.lastSeen(findings);
        Instant updated = findings.stream()
                .map(Incident::updatedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return Incident.builder()
                .id(campaignId)
                .version(version)
                .kind(IncidentKind.CAMPAIGN)
                .title(CampaignSummary.title(findings, accountCount, hashtags, urls))
                .firstSeen(first)
                .lastSeen(last)
                .updatedAt(updated)
                .signalCount(signalCount)
                .accountCount(accountCount)
                .sources(union(findings, Incident::sources, Integer.MAX_VALUE))
                .platforms(union(findings, Incident::platforms, MAX_VALUES))
                .languages(union(findings, Incident::languages, MAX_VALUES))
                .categories(union(findings, Incident::categories, MAX_VALUES))
                .disarm(union(findings, Incident::disarm, MAX_VALUES))
                .hashtags(hashtags)
                .urls(urls)
                .targetGroups(union(findings, Incident::targetGroups, MAX_VALUES))
                .hallmarks(union(findings, Incident::hallmarks, MAX_VALUES))
                .tcap(union(findings, Incident::tcap, MAX_VALUES))
                .ruleHits(ruleHits(findings))
                .classifier(classifier(findings))
                .evidence(new Incident.Evidence(
                        evidenceSignals(findings),
                        union(findings, i -> i.evidence().accounts(), MAX_ACCOUNTS),
                        timeline(findings),
                        coordination(findings, accountCount, signalCount),
                        accountPosts(findings)))
                .severity(gravest.severity())
                .tier(gravest.tier())
                .tlp(tlp)
                .explanation(CampaignSummary.explain(findings, accountCount, signalCount, gravest, ordered))
                .findings(ordered.stream()
                        .limit(LISTED_FINDINGS)
                        .map(CampaignIncident::finding)
                        .toList())
                .build();
    }

    private static Incident.Finding finding(CampaignMember member) {
        Incident i = member.incident;
        return new Incident.Finding(
                i.id(),
                i.kind(),
                i.title(),
                i.firstSeen(),
                i.lastSeen(),
                i.signalCount(),
                i.accountCount(),
                i.severity(),
                i.evidence().accounts(),
                cap(i.hashtags()),
                cap(i.urls()),
                CampaignSummary.subject(i),
                i.evidence().timeline(),
                i.explanation(),
                member.joinedBecause,
                i.evidence().accountPosts());
    }

    /**
     * Per account the most it posted in one finding: a lower bound of its posts in the campaign (a post is in several
     * findings, and findings count only their sample accounts), the {@value #MAX_ACCOUNTS} busiest.
     */
    private static Map<String, Integer> accountPosts(List<Incident> findings) {
        Map<String, Integer> most = new LinkedHashMap<>();
        findings.forEach(
                f -> f.evidence().accountPosts().forEach((account, posts) -> most.merge(account, posts, Math::max)));
        Map<String, Integer> busiest = new LinkedHashMap<>();
        most.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_ACCOUNTS)
                .forEach(e -> busiest.put(e.getKey(), e.getValue()));
        return busiest;
    }

    private static List<String> cap(List<String> values) {
        return values.size() <= FINDING_VALUES ? values : List.copyOf(values.subList(0, FINDING_VALUES));
    }

    /** Values by how many findings carry them (then first seen), the top {@value #MAX_VALUES}. */
    private static List<String> ranked(List<Incident> findings, Function<Incident, List<String>> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        findings.forEach(f -> values.apply(f).forEach(v -> counts.merge(v, 1, Integer::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_VALUES)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<String> union(List<Incident> findings, Function<Incident, List<String>> values, int cap) {
        Set<String> all = new LinkedHashSet<>();
        for (Incident finding : findings) {
            for (String value : values.apply(finding)) {
                if (all.size() < cap) {
                    all.add(value);
                }
            }
        }
        return new ArrayList<>(all);
    }

    private static List<Incident.RuleHitSummary> ruleHits(List<Incident> findings) {
        Map<String, Incident.RuleHitSummary> hits = new TreeMap<>();
        findings.forEach(f -> f.ruleHits()
                .forEach(h -> hits.merge(
                        h.ruleId(),
                        h,
                        (a, b) -> new Incident.RuleHitSummary(
                                a.ruleId(),
                                a.title(),
                                a.severity(),
                                a.category(),
                                a.packVersion(),
                                a.count() + b.count()))));
        List<Incident.RuleHitSummary> sorted = new ArrayList<>(hits.values());
        sorted.sort(Comparator.comparing(Incident.RuleHitSummary::count)
                .reversed()
                .thenComparing(Incident.RuleHitSummary::ruleId));
        return sorted;
    }

    private static Incident.ClassifierSummary classifier(List<Incident> findings) {
        String model = null;
        Map<String, Double> max = new TreeMap<>();
        for (Incident finding : findings) {
            if (finding.classifier() != null) {
                model = finding.classifier().modelVersion() == null
                        ? model
                        : finding.classifier().modelVersion();
                finding.classifier().maxScores().forEach((label, score) -> max.merge(label, score, Math::max));
            }
        }
        return model == null && max.isEmpty() ? null : new Incident.ClassifierSummary(model, max);
    }

    /** The findings' evidence, gravest finding first, each signal once. */
    private static List<Incident.EvidenceSignal> evidenceSignals(List<Incident> findings) {
        Map<String, Incident.EvidenceSignal> signals = new LinkedHashMap<>();
        findings.stream()
                .sorted(Comparator.comparingInt(Incident::severity).reversed().thenComparing(Incident::id))
                .forEach(f -> f.evidence().signals().forEach(s -> {
                    if (signals.size() < MAX_EVIDENCE_SIGNALS) {
                        signals.putIfAbsent(s.signalId(), s);
                    }
                }));
        return List.copyOf(signals.values());
    }

    /** Posts per bucket across the findings (a post in two findings counts in both: the chart shows activity). */
    private static List<Incident.TimelineBucket> timeline(List<Incident> findings) {
        TreeMap<Instant, Integer> buckets = new TreeMap<>();
        findings.forEach(f -> f.evidence().timeline().forEach(b -> buckets.merge(b.start(), b.count(), Integer::sum)));
        while (buckets.size() > MAX_TIMELINE_BUCKETS) {
            buckets.pollFirstEntry();
        }
        List<Incident.TimelineBucket> timeline = new ArrayList<>();
        buckets.forEach((start, count) -> timeline.add(new Incident.TimelineBucket(start, count)));
        return timeline;
    }

    private static Map<String, String> coordination(List<Incident> findings, int accounts, int signals) {
        Map<String, String> facts = new TreeMap<>();
        facts.put("findings", Integer.toString(findings.size()));
        Map<String, Integer> kinds = new TreeMap<>();
        findings.forEach(f -> kinds.merge(f.kind().label(), 1, Integer::sum));
        facts.put("finding_kinds", kinds.toString());
        facts.put(
                "observed_accounts", Integer.toString(accounts) + (accounts >= DistinctSketch.K ? " (estimated)" : ""));
        facts.put("observed_signals", Integer.toString(signals) + (signals >= DistinctSketch.K ? " (estimated)" : ""));
        facts.put(
                "span",
                Duration.between(CampaignSummary.firstSeen(findings), CampaignSummary.lastSeen(findings))
                        .toString());
        return facts;
    }
}

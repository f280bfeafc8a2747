package org.varsel.pipeline.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Labels;
import org.varsel.contract.Signal;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RuleMatch;
import org.varsel.pipeline.harm.HarmReading;

/**
 * An open incident as it accumulates signals: counts, distinct accounts, capped evidence and what severity needs.
 * Mutable on purpose (it is keyed state, updated once per signal); a Flink POJO (public fields, no-arg constructor)
 * whose every field has a Flink serializer. {@link #emit} turns it into the next {@code incident.v1} version.
 */
public class IncidentDraft {
    /** Evidence signals per incident (the schema allows 50). */
    public static final int MAX_EVIDENCE_SIGNALS = 10;
    /** Sample accounts shown per incident. */
    public static final int MAX_SAMPLE_ACCOUNTS = 20;
    /** Accounts remembered exactly per incident; past this the account count is a lower bound. */
    public static final int MAX_TRACKED_ACCOUNTS = 10_000;
    /** Distinct values kept per list (platforms, urls, hashtags, ...). */
    public static final int MAX_VALUES = 50;
    /** Timeline buckets kept (the latest ones). */
    public static final int MAX_TIMELINE_BUCKETS = 144;
    /** Characters of a signal's text kept as evidence. */
    public static final int EXCERPT_CHARS = 500;

    public String id;
    public IncidentKind kind;
    public String subject;
    public int threshold;
    public long timelineBucketMillis;
    public long version;
    public long firstSeen;
    public long lastSeen;
    public int signalCount;
    public int accountCount;
    public boolean accountsSaturated;
    public List<String> sampleAccounts = new ArrayList<>();
    /** Posts of each sample account, by its index in {@link #sampleAccounts} (state from before it holds fewer). */
    public List<Integer> samplePosts = new ArrayList<>();

    public List<String> sources = new ArrayList<>();
    public List<String> platforms = new ArrayList<>();
    public List<String> languages = new ArrayList<>();
    public List<String> categories = new ArrayList<>();
    public List<String> disarm = new ArrayList<>();
    public List<String> hashtags = new ArrayList<>();
    public List<String> urls = new ArrayList<>();
    public List<String> targetGroups = new ArrayList<>();
    public Map<String, Incident.RuleHitSummary> ruleHits = new TreeMap<>();
    public String modelVersion;
    public Map<String, Double> maxScores = new TreeMap<>();
    public int maxRuleSeverity;
    public int maxPartnerConfidence;
    public boolean threatToLife;
    public boolean crisis;
    /** A threat or dehumanisation matched: the tier is at least high whatever the score. */
    public boolean atLeastHigh;
    /** Why the rules set the tier they did ({@link HarmReading#why}), for the explanation; null when they set none. */
    public String tierReason;
    /** Why a signal's rules were discounted as counter-speech or reported speech; null when none was. */
    public String contextNote;
    /** Dangerous Speech hallmarks ({@code hallmark:} tags) of the rules that matched. */
    public List<String> hallmarks = new ArrayList<>();
    /** TCAP tags ({@code tcap:}: tier, and the time, place or means a threat names) of the rules that matched. */
    public List<String> tcap = new ArrayList<>();

    public List<Incident.EvidenceSignal> evidence = new ArrayList<>();
    public List<Integer> evidenceScores = new ArrayList<>();
    public Map<Long, Integer> timeline = new TreeMap<>();
    public Tlp tlp = Tlp.CLEAR;
    public Map<String, String> coordination = new TreeMap<>();
    public boolean dirty;
    public long lastEmittedAt;
    /** The update timer asked for and not fired yet (0 when none): see {@link UpdatePolicy}. */
    public long updateWakeAt;

    public int lastEmittedAccounts;
    public int lastEmittedSeverity;
    public Tier lastEmittedTier = Tier.LOW;
    /** Bottom-k sketches of the distinct accounts and signals, for campaign consolidation ({@link FindingUpdate}). */
    public long[] accountSketch = new long[0];

    public long[] signalSketch = new long[0];

    public IncidentDraft() {}

    public static IncidentDraft open(
            IncidentKind kind, String id, String subject, int threshold, long timelineBucketMillis) {
        IncidentDraft draft = new IncidentDraft();
        draft.kind = kind;
        draft.id = id;
        draft.subject = subject;
        draft.threshold = threshold;
        draft.timelineBucketMillis = timelineBucketMillis;
        draft.firstSeen = Long.MAX_VALUE;
        draft.lastSeen = Long.MIN_VALUE;
        return draft;
    }

    /**
     * The distinct accounts of one incident. They are kept outside the draft, one entry per account (a detector's
     * {@link KeyState} member set), so that a draft read and written for every signal stays small.
     */
    public interface AccountSet {
        /** True when {@code account} was not in the set and is now. */
        boolean addIfNew(String account);

        boolean contains(String account);
    }

    /** Accounts of a draft that lives within one call (single-signal incidents, tests): never part of keyed state. */
    private transient Set<String> localAccounts;

    /** Folds one signal in, counting its account in a set of this draft's own (for drafts that are not keyed state). */
    public void add(AnalysedSignal analysed) {
        if (localAccounts == null) {
            localAccounts = new HashSet<>();
        }
        Set<String> local = localAccounts;
        add(analysed, new AccountSet() {
            @Override
            public boolean addIfNew(String account) {
                return local.add(account);
            }

            @Override
            public boolean contains(String account) {
                return local.contains(account);
            }
        });
    }

    /** Folds one signal in; the draft becomes dirty (it has something not yet emitted). */
    public void add(AnalysedSignal analysed, AccountSet accounts) {
        Signal signal = analysed.signal();
        long at = signal.observedAt().toEpochMilli();
        firstSeen = Math.min(firstSeen, at);
        lastSeen = Math.max(lastSeen, at);
        signalCount++;
        dirty = true;
        accountSketch = DistinctSketch.add(accountSketch, analysed.accountKey());
        signalSketch = DistinctSketch.add(signalSketch, signal.id());
        String handle = signal.authorHandle().orElse(null);
        countAccount(accounts, analysed.accountKey(), handle);
        countPost(handle == null ? analysed.accountKey() : handle);
        addIfNew(sources, signal.source(), Integer.MAX_VALUE);
        analysed.platforms().forEach(p -> addIfNew(platforms, p, MAX_VALUES));
        addIfNew(languages, analysed.language(), MAX_VALUES);
        analysed.urls().forEach(u -> addIfNew(urls, u, MAX_VALUES));
        analysed.hashtags().forEach(h -> addIfNew(hashtags, h, MAX_VALUES));
        tlp = tlp.mostRestrictive(signal.tlp() == null ? Tlp.GREEN : signal.tlp());
        if (analysed.category() != null && !"neutral".equals(analysed.category())) {
            addIfNew(categories, analysed.category(), MAX_VALUES);
        }
        if (analysed.modelVersion() != null) {
            modelVersion = analysed.modelVersion();
        }
        analysed.scores().forEach((label, score) -> maxScores.merge(label, score, Math::max));
        HarmReading harm = HarmReading.of(analysed.ruleMatches());
        for (RuleMatch match : analysed.ruleMatches()) {
            addRuleMatch(match);
        }
        addHarm(harm);
        signal.labelsIfAny().filter(l -> l.category() != null).ifPresent(this::addPartnerLabels);
        timeline.merge(Math.floorDiv(at, timelineBucketMillis) * timelineBucketMillis, 1, Integer::sum);
        while (timeline.size() > MAX_TIMELINE_BUCKETS) {
            // Restored state holds a HashMap: find the oldest bucket rather than assume a sorted map.
            timeline.remove(timeline.keySet().stream().min(Long::compare).orElseThrow());
        }
        addEvidence(analysed, harm);
    }

    private void countAccount(AccountSet accounts, String account, String handle) {
        if (accountCount >= MAX_TRACKED_ACCOUNTS) {
            // Past the cap a new account is not remembered any more: the count stays a lower bound.
            if (!accounts.contains(account)) {
                accountsSaturated = true;
            }
            return;
        }
        if (!accounts.addIfNew(account)) {
            return;
        }
        accountCount++;
        addIfNew(sampleAccounts, handle == null ? account : handle, MAX_SAMPLE_ACCOUNTS);
    }

    /** One more post of a sample account: what the desk shows as the account's share of the incident's posts. */
    private void countPost(String sampleName) {
        int index = sampleAccounts.indexOf(sampleName);
        if (index < 0) {
            return;
        }
        while (samplePosts.size() <= index) {
            samplePosts.add(0);
        }
        samplePosts.set(index, samplePosts.get(index) + 1);
    }

    /** Posts per sample account, in sample order; an account whose posts were not counted yet is left out. */
    private Map<String, Integer> accountPosts() {
        Map<String, Integer> posts = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(sampleAccounts.size(), samplePosts.size()); i++) {
            if (samplePosts.get(i) > 0) {
                posts.put(sampleAccounts.get(i), samplePosts.get(i));
            }
        }
        return posts;
    }

    private void addRuleMatch(RuleMatch match) {
        ruleHits.merge(
                match.ruleId(),
                new Incident.RuleHitSummary(
                        match.ruleId(), match.title(), match.severity(), match.category(), match.packVersion(), 1),
                (a, b) -> new Incident.RuleHitSummary(
                        a.ruleId(), a.title(), a.severity(), a.category(), a.packVersion(), a.count() + 1));
        if (match.isContext()) {
            return; // a stance, not a harm: listed among the hits, counted nowhere else
        }
        addIfNew(categories, match.category(), MAX_VALUES);
        match.targetGroups().forEach(g -> addIfNew(targetGroups, g, MAX_VALUES));
        for (String tag : match.tags()) {
            if (tag.startsWith("disarm:")) {
                addIfNew(disarm, tag.substring("disarm:".length()), MAX_VALUES);
            }
        }
        if (Severity.isCrisis(match)) {
            crisis = true;
        }
    }

    private void addHarm(HarmReading harm) {
        maxRuleSeverity = Math.max(maxRuleSeverity, harm.effectiveRuleSeverity());
        harm.hallmarks().forEach(h -> addIfNew(hallmarks, h, MAX_VALUES));
        harm.tcap().forEach(t -> addIfNew(tcap, t, MAX_VALUES));
        if (harm.floor().isEmpty()) {
            if (!harm.why().isEmpty() && contextNote == null) {
                contextNote = harm.why();
            }
            return;
        }
        // the first reason for the gravest floor is the one the explanation gives
        if (harm.floor().get() == Tier.THREAT_TO_LIFE && !threatToLife) {
            threatToLife = true;
            tierReason = harm.why();
        } else if (!threatToLife && !atLeastHigh) {
            tierReason = harm.why();
        }
        atLeastHigh = true;
    }

    private void addPartnerLabels(Labels labels) {
        addIfNew(categories, labels.category(), MAX_VALUES);
        labels.disarm().forEach(d -> addIfNew(disarm, d, MAX_VALUES));
        labels.targetGroups().forEach(g -> addIfNew(targetGroups, g, MAX_VALUES));
        if (labels.confidence() != null) {
            maxPartnerConfidence = Math.max(maxPartnerConfidence, labels.confidence());
        }
    }

    /** Keeps the most telling signals: the highest content score first, then the earliest. */
    private void addEvidence(AnalysedSignal analysed, HarmReading harm) {
        int score = Severity.contentScore(analysed, harm);
        long at = analysed.signal().observedAt().toEpochMilli();
        int position = 0;
        while (position < evidence.size()
                && (evidenceScores.get(position) > score
                        || (evidenceScores.get(position) == score
                                && evidence.get(position).observedAt().toEpochMilli() <= at))) {
            position++;
        }
        if (position >= MAX_EVIDENCE_SIGNALS) {
            return;
        }
        evidence.add(position, evidenceSignal(analysed));
        evidenceScores.add(position, score);
        if (evidence.size() > MAX_EVIDENCE_SIGNALS) {
            evidence.remove(MAX_EVIDENCE_SIGNALS);
            evidenceScores.remove(MAX_EVIDENCE_SIGNALS);
        }
    }

    static Incident.EvidenceSignal evidenceSignal(AnalysedSignal analysed) {
        Signal signal = analysed.signal();
        String category = analysed.category() != null
                ? analysed.category()
                : signal.labelsIfAny().map(Labels::category).orElse(null);
        List<String> ruleIds = new ArrayList<>();
        List<Incident.MatchedTerm> terms = new ArrayList<>();
        for (RuleMatch match : analysed.ruleMatches()) {
            ruleIds.add(match.ruleId());
            // highlights only where the capped excerpt still has the text
            match.terms().stream().filter(t -> t.end() <= EXCERPT_CHARS).forEach(terms::add);
        }
        return new Incident.EvidenceSignal(
                signal.id(),
                signal.source(),
                signal.externalId(),
                signal.observedAt(),
                signal.url(),
                signal.platform(),
                signal.authorHandle().orElse(null),
                excerpt(signal.text()),
                analysed.language(),
                signal.tlp() == null ? Tlp.GREEN : signal.tlp(),
                category,
                ruleIds,
                terms,
                new TreeMap<>(analysed.scores()));
    }

    static String excerpt(String text) {
        if (text == null || text.length() <= EXCERPT_CHARS) {
            return text;
        }
        return text.substring(0, EXCERPT_CHARS) + "…";
    }

    private static void addIfNew(List<String> values, String value, int cap) {
        if (value != null && values.size() < cap && !values.contains(value)) {
            values.add(value);
        }
    }

    /** Whether an update now is worth more than waiting for the rate limit: the campaign doubled or its tier rose. */
    public boolean changedSignificantly() {
        Severity.Figures now = Severity.Figures.of(this);
        return accountCount >= 2 * Math.max(1, lastEmittedAccounts)
                || now.tier().ordinal() < lastEmittedTier.ordinal()
                || now.score() >= lastEmittedSeverity + 10;
    }

    /** {@link #emit} with the draft's account and signal sketches, for campaign consolidation downstream. */
    public FindingUpdate emitFinding(long at) {
        return new FindingUpdate(emit(at), accountSketch.clone(), signalSketch.clone());
    }

    /** The next version of the incident, as of event time {@code at}; the draft is clean afterwards. */
    public Incident emit(long at) {
        Severity severity = Severity.of(this);
        version++;
        dirty = false;
        lastEmittedAt = at;
        lastEmittedAccounts = accountCount;
        lastEmittedSeverity = severity.score();
        lastEmittedTier = severity.tier();
        List<Incident.EvidenceSignal> kept = List.copyOf(evidence);
        Map<String, String> evidenceOfCoordination = new TreeMap<>(coordination);
        evidenceOfCoordination.put(
                "observed_accounts", Integer.toString(accountCount) + (accountsSaturated ? "+" : ""));
        evidenceOfCoordination.put("observed_signals", Integer.toString(signalCount));
        List<Incident.TimelineBucket> buckets = new ArrayList<>();
        new TreeMap<>(timeline)
                .forEach(
                        (start, count) -> buckets.add(new Incident.TimelineBucket(Instant.ofEpochMilli(start), count)));
        List<Incident.RuleHitSummary> hits = new ArrayList<>(ruleHits.values());
        hits.sort(Comparator.comparing(Incident.RuleHitSummary::count)
                .reversed()
                .thenComparing(Incident.RuleHitSummary::ruleId));
        return Incident.builder()
                .id(id)
                .version(version)
                .kind(kind)
                .title(IncidentTitle.of(this, kept))
                .firstSeen(Instant.ofEpochMilli(firstSeen))
                .lastSeen(Instant.ofEpochMilli(lastSeen))
                .updatedAt(Instant.ofEpochMilli(Math.max(at, lastSeen)))
                .signalCount(signalCount)
                .accountCount(accountCount)
                .sources(List.copyOf(sources))
                .platforms(List.copyOf(platforms))
                .languages(List.copyOf(languages))
                .categories(List.copyOf(categories))
                .disarm(List.copyOf(disarm))
                .hashtags(List.copyOf(hashtags))
                .urls(List.copyOf(urls))
                .targetGroups(List.copyOf(targetGroups))
                .hallmarks(List.copyOf(hallmarks))
                .tcap(List.copyOf(tcap))
                .ruleHits(hits)
                .classifier(
                        modelVersion == null && maxScores.isEmpty()
                                ? null
                                : new Incident.ClassifierSummary(modelVersion, new TreeMap<>(maxScores)))
                .evidence(new Incident.Evidence(
                        kept, List.copyOf(sampleAccounts), buckets, evidenceOfCoordination, accountPosts()))
                .severity(severity.score())
                .tier(severity.tier())
                .tlp(tlp)
                .explanation(Explanations.explain(this, severity))
                .build();
    }
}

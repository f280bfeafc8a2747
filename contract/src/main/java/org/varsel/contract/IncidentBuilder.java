package org.varsel.contract;

import java.time.Instant;
import java.util.List;

/** Builds an {@link Incident} by field name instead of 31 positional arguments: version 1 and empty lists unless set. */
public final class IncidentBuilder {
    private String schema = Incident.SCHEMA;
    private String id;
    private long version = 1;
    private IncidentKind kind;
    private String title;
    private Instant firstSeen;
    private Instant lastSeen;
    private Instant updatedAt;
    private int signalCount;
    private int accountCount;
    private List<String> sources = List.of();
    private List<String> platforms = List.of();
    private List<String> languages = List.of();
    private List<String> categories = List.of();
    private List<String> disarm = List.of();
    private List<String> hashtags = List.of();
    private List<String> urls = List.of();
    private List<String> targetGroups = List.of();
    private List<String> hallmarks = List.of();
    private List<String> tcap = List.of();
    private List<Incident.RuleHitSummary> ruleHits = List.of();
    private Incident.ClassifierSummary classifier;
    private Incident.Evidence evidence;
    private int severity;
    private Tier tier;
    private Tlp tlp;
    private String explanation;
    private List<Incident.Finding> findings;
    private String mergedInto;
    private String suppressedBy;
    private Incident.Trend trend;

    IncidentBuilder() {}

    /** Starts from every field of {@code incident}. */
    IncidentBuilder(Incident incident) {
        schema = incident.schema();
        id = incident.id();
        version = incident.version();
        kind = incident.kind();
        title = incident.title();
        firstSeen = incident.firstSeen();
        lastSeen = incident.lastSeen();
        updatedAt = incident.updatedAt();
        signalCount = incident.signalCount();
        accountCount = incident.accountCount();
        sources = incident.sources();
        platforms = incident.platforms();
        languages = incident.languages();
        categories = incident.categories();
        disarm = incident.disarm();
        hashtags = incident.hashtags();
        urls = incident.urls();
        targetGroups = incident.targetGroups();
        hallmarks = incident.hallmarks();
        tcap = incident.tcap();
        ruleHits = incident.ruleHits();
        classifier = incident.classifier();
        evidence = incident.evidence();
        severity = incident.severity();
        tier = incident.tier();
        tlp = incident.tlp();
        explanation = incident.explanation();
        findings = incident.findings();
        mergedInto = incident.mergedInto();
        suppressedBy = incident.suppressedBy();
        trend = incident.trend();
    }

    public IncidentBuilder schema(String value) {
        schema = value;
        return this;
    }

    public IncidentBuilder id(String value) {
        id = value;
        return this;
    }

    public IncidentBuilder version(long value) {
        version = value;
        return this;
    }

    public IncidentBuilder kind(IncidentKind value) {
        kind = value;
        return this;
    }

    public IncidentBuilder title(String value) {
        title = value;
        return this;
    }

    public IncidentBuilder firstSeen(Instant value) {
        firstSeen = value;
        return this;
    }

    public IncidentBuilder lastSeen(Instant value) {
        lastSeen = value;
        return this;
    }

    public IncidentBuilder updatedAt(Instant value) {
        updatedAt = value;
        return this;
    }

    public IncidentBuilder signalCount(int value) {
        signalCount = value;
        return this;
    }

    public IncidentBuilder accountCount(int value) {
        accountCount = value;
        return this;
    }

    public IncidentBuilder sources(List<String> value) {
        sources = value;
        return this;
    }

    public IncidentBuilder platforms(List<String> value) {
        platforms = value;
        return this;
    }

    public IncidentBuilder languages(List<String> value) {
        languages = value;
        return this;
    }

    public IncidentBuilder categories(List<String> value) {
        categories = value;
        return this;
    }

    public IncidentBuilder disarm(List<String> value) {
        disarm = value;
        return this;
    }

    public IncidentBuilder hashtags(List<String> value) {
        hashtags = value;
        return this;
    }

    public IncidentBuilder urls(List<String> value) {
        urls = value;
        return this;
    }

    public IncidentBuilder targetGroups(List<String> value) {
        targetGroups = value;
        return this;
    }

    public IncidentBuilder hallmarks(List<String> value) {
        hallmarks = value;
        return this;
    }

    public IncidentBuilder tcap(List<String> value) {
        tcap = value;
        return this;
    }

    public IncidentBuilder ruleHits(List<Incident.RuleHitSummary> value) {
        ruleHits = value;
        return this;
    }

    public IncidentBuilder classifier(Incident.ClassifierSummary value) {
        classifier = value;
        return this;
    }

    public IncidentBuilder evidence(Incident.Evidence value) {
        evidence = value;
        return this;
    }

    public IncidentBuilder severity(int value) {
        severity = value;
        return this;
    }

    public IncidentBuilder tier(Tier value) {
        tier = value;
        return this;
    }

    public IncidentBuilder tlp(Tlp value) {
        tlp = value;
        return this;
    }

    public IncidentBuilder explanation(String value) {
        explanation = value;
        return this;
    }

    public IncidentBuilder findings(List<Incident.Finding> value) {
        findings = value;
        return this;
    }

    public IncidentBuilder mergedInto(String value) {
        mergedInto = value;
        return this;
    }

    public IncidentBuilder suppressedBy(String value) {
        suppressedBy = value;
        return this;
    }

    public IncidentBuilder trend(Incident.Trend value) {
        trend = value;
        return this;
    }

    public Incident build() {
        return new Incident(
                schema,
                id,
                version,
                kind,
                title,
                firstSeen,
                lastSeen,
                updatedAt,
                signalCount,
                accountCount,
                sources,
                platforms,
                languages,
                categories,
                disarm,
                hashtags,
                urls,
                targetGroups,
                hallmarks,
                tcap,
                ruleHits,
                classifier,
                evidence,
                severity,
                tier,
                tlp,
                explanation,
                findings,
                mergedInto,
                suppressedBy,
                trend);
    }
}

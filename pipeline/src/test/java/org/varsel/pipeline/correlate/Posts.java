package org.varsel.pipeline.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.varsel.contract.Author;
import org.varsel.contract.Labels;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalIds;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RuleMatch;
import org.varsel.pipeline.analysis.SignalMatcher;

/** Analysed posts for detector tests, built fluently: {@code Posts.post(1).by("a").at(minutes(3)).text("...")}. */
public final class Posts {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private String externalId;
    private String account = "someone";
    private Instant at = T0;
    private String text = "nothing in particular";
    private String language = "en";
    private String source = "feed:test";
    private Tlp tlp = Tlp.GREEN;
    private Labels labels;
    private final List<String> urls = new ArrayList<>();
    private final List<String> hashtags = new ArrayList<>();
    private final List<RuleMatch> rules = new ArrayList<>();
    private Map<String, Double> scores = Map.of();
    private String category;
    private String extensionsJson;

    public static Posts post(Object id) {
        Posts p = new Posts();
        p.externalId = "p-" + id;
        return p;
    }

    public static Instant minutes(double m) {
        return T0.plus(Duration.ofMillis(Math.round(m * 60_000)));
    }

    public Posts by(String account) {
        this.account = account;
        return this;
    }

    public Posts at(Instant at) {
        this.at = at;
        return this;
    }

    public Posts text(String text) {
        this.text = text;
        return this;
    }

    /** The language tag the post came with, trusted as the pipeline trusts a hint; null for none. */
    public Posts language(String tag) {
        this.language = tag;
        return this;
    }

    Posts source(String source) {
        this.source = source;
        return this;
    }

    Posts tlp(Tlp tlp) {
        this.tlp = tlp;
        return this;
    }

    public Posts url(String url) {
        urls.add(url);
        return this;
    }

    public Posts hashtag(String tag) {
        hashtags.add(tag);
        return this;
    }

    Posts labelled(String category, Integer confidence, String... targets) {
        labels = new Labels(category, List.of(), List.of(targets), confidence);
        return this;
    }

    public Posts rule(String id, int severity, String category, String... tags) {
        rules.add(new RuleMatch(
                id,
                "rule " + id,
                severity,
                category,
                List.of(tags),
                List.of(),
                id + " matched",
                List.of(),
                "test-pack-1",
                false));
        return this;
    }

    /** A rule match that names the groups it is against. */
    /** A rule match the text only quotes, reports or condemns. */
    public Posts reportedRule(String id, int severity, String category, String... tags) {
        rules.add(new RuleMatch(
                id,
                "rule " + id,
                severity,
                category,
                List.of(tags),
                List.of(),
                id + " matched",
                List.of(),
                "test-pack-1",
                true));
        return this;
    }

    public Posts ruleAgainst(String id, String category, List<String> targetGroups, String... tags) {
        rules.add(new RuleMatch(
                id,
                "rule " + id,
                3,
                category,
                List.of(tags),
                targetGroups,
                id + " matched",
                List.of(),
                "test-pack-1",
                false));
        return this;
    }

    /** The partner's own {@code region} field, which signal.v1 keeps among the extensions. */
    public Posts region(String region) {
        this.extensionsJson = "{\"region\":\"" + region + "\"}";
        return this;
    }

    Posts classified(String category, double hateful) {
        this.category = category;
        this.scores = Map.of("hateful", hateful, "offensive", 0.0, "neutral", 1 - hateful);
        return this;
    }

    Posts threatening(double threat, double hateful) {
        this.category = "threat";
        this.scores = Map.of("threat", threat, "hateful", hateful, "offensive", 0.0, "neutral", 1 - threat - hateful);
        return this;
    }

    public AnalysedSignal analysed() {
        Signal signal = new Signal(
                SignalIds.of(source, externalId),
                source,
                externalId,
                "post",
                at,
                null,
                "x",
                new Author(account, null, null),
                text,
                language,
                tlp,
                labels,
                extensionsJson);
        return new AnalysedSignal(
                signal,
                language,
                1.0,
                List.copyOf(urls),
                List.of("x"),
                List.copyOf(hashtags),
                List.of(),
                category,
                scores,
                category == null ? null : "test-model",
                List.copyOf(SignalMatcher.readInContext(text, rules)),
                null);
    }
}

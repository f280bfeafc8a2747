package org.varsel.pipeline.campaign;

import java.util.ArrayList;
import java.util.List;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.correlate.MinHash;
import org.varsel.pipeline.correlate.ShingledText;

/**
 * A detector finding as campaign state: its latest update, the sketches of its accounts and signals, its content (the
 * hashtags, links and text it carries) and which part of that content defines it (a co-link's link, a push's hashtag,
 * a co-similar cluster's text), and the campaign it belongs to. A Flink POJO.
 */
public class CampaignMember {
    static final String HASHTAG = "#";
    static final String URL = "url ";
    static final String TEXT = "text ";
    /** Text keys per co-similar finding: near-duplicate texts share one of their few smallest shingle hashes. */
    static final int TEXT_KEYS = 4;

    public String campaignId;
    public Incident incident;
    public long[] accounts = new long[0];
    public long[] signals = new long[0];
    public List<String> content = new ArrayList<>();
    public List<String> defining = new ArrayList<>();
    public String joinedBecause;

    public CampaignMember() {}

    static CampaignMember of(FindingUpdate update, int shingleWords) {
        CampaignMember member = new CampaignMember();
        member.update(update, shingleWords);
        return member;
    }

    void update(FindingUpdate update, int shingleWords) {
        incident = update.incident();
        accounts = update.accounts();
        signals = update.signals();
        defining = new ArrayList<>();
        var facts = incident.evidence().coordination();
        switch (incident.kind()) {
            case CO_LINK -> defining.add(URL + facts.get("shared_url"));
            case HASHTAG_PUSH -> defining.add(HASHTAG + facts.get("hashtag"));
            case CO_SIMILAR_TEXT -> {
                for (long key : new MinHash(TEXT_KEYS)
                        .signature(ShingledText.of(facts.get("shared_text"), shingleWords)
                                .shingles())) {
                    defining.add(TEXT + Long.toHexString(key));
                }
            }
            default -> {}
        }
        content = new ArrayList<>(defining);
        incident.hashtags().forEach(h -> addIfNew(content, HASHTAG + h));
        incident.urls().forEach(u -> addIfNew(content, URL + u));
    }

    private static void addIfNew(List<String> values, String value) {
        if (!values.contains(value)) {
            values.add(value);
        }
    }

    /** A single high-severity signal: it joins a campaign its account is already in, it never founds one. */
    boolean single() {
        return incident.kind() == IncidentKind.HIGH_SEVERITY;
    }

    long firstSeen() {
        return incident.firstSeen().toEpochMilli();
    }

    long lastSeen() {
        return incident.lastSeen().toEpochMilli();
    }

    /** How a content token reads in an explanation. */
    static String describe(String token) {
        if (token.startsWith(TEXT)) {
            return "near-identical text";
        }
        return token.startsWith(URL) ? token.substring(URL.length()) : token;
    }
}

package org.varsel.pipeline.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One campaign as keyed state: its findings (incident ids, the first is the founder whose id the campaign keeps), its
 * window, the version last emitted under its id, and what its findings carry (content tokens, and those that define a
 * finding) so that a finding sharing none of it is not compared with each of them. A Flink POJO.
 */
public class Campaign {
    public String id;
    public List<String> findings = new ArrayList<>();
    public long firstSeen;
    public long lastSeen;
    public long version;
    /**
     * Every content token its findings carry or carried (a superset once a finding changed: a superset never hides a
     * match); null when not known (a campaign kept before this summary existed), then rebuilt from the findings.
     */
    public List<String> content;
    /** Likewise the tokens that define one of its findings. */
    public List<String> defining;

    private transient Set<String> contentIndex;
    private transient Set<String> definingIndex;

    /** How many entries of each list the backend keeps in parts ({@link CampaignParts}): what a write need not repeat. */
    private transient int keptFindings;

    private transient int keptContent;
    private transient int keptDefining;

    public Campaign() {}

    static Campaign foundedBy(CampaignMember founder) {
        Campaign campaign = new Campaign();
        campaign.id = founder.incident.id();
        campaign.findings.add(founder.incident.id());
        campaign.firstSeen = founder.firstSeen();
        campaign.lastSeen = founder.lastSeen();
        campaign.content = new ArrayList<>();
        campaign.defining = new ArrayList<>();
        campaign.absorbContent(founder);
        return campaign;
    }

    void stretchTo(CampaignMember member) {
        firstSeen = Math.min(firstSeen, member.firstSeen());
        lastSeen = Math.max(lastSeen, member.lastSeen());
        absorbContent(member);
    }

    /** Whether the summary is there: false for a campaign kept before it existed (see {@link #content}). */
    boolean knowsContent() {
        return content != null && defining != null;
    }

    /** Starts the summary over from the findings' own content (a campaign kept before it existed). */
    void rebuildContent(List<CampaignMember> members) {
        content = new ArrayList<>();
        defining = new ArrayList<>();
        contentIndex = null;
        definingIndex = null;
        keptContent = 0;
        keptDefining = 0;
        members.forEach(this::absorbContent);
    }

    /** Adds what {@code member} carries to the summary, when there is one (a partial summary would hide matches). */
    void absorbContent(CampaignMember member) {
        if (!knowsContent()) {
            return;
        }
        for (String token : member.content) {
            if (contentIndex().add(token)) {
                content.add(token);
            }
        }
        for (String token : member.defining) {
            if (definingIndex().add(token)) {
                defining.add(token);
            }
        }
    }

    /**
     * Whether one of its findings may share content with {@code finding} under {@link CampaignCriterion}: one's defining
     * token in the other's content. False means none does, so its findings need not be read.
     */
    boolean mayShareContentWith(CampaignMember finding) {
        for (String token : finding.defining) {
            if (contentIndex().contains(token)) {
                return true;
            }
        }
        for (String token : finding.content) {
            if (definingIndex().contains(token)) {
                return true;
            }
        }
        return false;
    }

    // the lists are what state keeps (Flink serialises lists without reflection); the sets answer look-ups
    private Set<String> contentIndex() {
        if (contentIndex == null) {
            contentIndex = new HashSet<>(content);
        }
        return contentIndex;
    }

    private Set<String> definingIndex() {
        if (definingIndex == null) {
            definingIndex = new HashSet<>(defining);
        }
        return definingIndex;
    }

    int keptInParts(char list) {
        return switch (list) {
            case CampaignParts.FINDINGS -> keptFindings;
            case CampaignParts.CONTENT -> keptContent;
            default -> keptDefining;
        };
    }

    void keptInParts(char list, int entries) {
        switch (list) {
            case CampaignParts.FINDINGS -> keptFindings = entries;
            case CampaignParts.CONTENT -> keptContent = entries;
            default -> keptDefining = entries;
        }
    }

    /** How far the finding's window lies from the campaign's (0 or less when they overlap). */
    long gapTo(CampaignMember member) {
        return Math.max(firstSeen, member.firstSeen()) - Math.min(lastSeen, member.lastSeen());
    }

    long spanWith(CampaignMember member) {
        return Math.max(lastSeen, member.lastSeen()) - Math.min(firstSeen, member.firstSeen());
    }

    long spanWith(Campaign other) {
        return Math.max(lastSeen, other.lastSeen) - Math.min(firstSeen, other.firstSeen);
    }

    /** Which of two campaigns survives a merge: the earlier one (then the smaller id), whatever order they met in. */
    boolean outlives(Campaign other) {
        return firstSeen != other.firstSeen ? firstSeen < other.firstSeen : id.compareTo(other.id) < 0;
    }
}

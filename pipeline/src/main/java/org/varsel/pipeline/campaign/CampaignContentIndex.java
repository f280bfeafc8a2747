package org.varsel.pipeline.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which live campaigns hold which content tokens, so that a finding is compared only with the campaigns it may share
 * content with ({@link Campaign#mayShareContentWith}) instead of reading every live campaign for every finding (the
 * largest part of consolidation's one key in the bench profile). Kept beside the state, never instead of it: it holds
 * ids and tokens, no state objects, and is rebuilt from the campaigns after a restore. A campaign's summary only grows
 * once it is known, so each {@link #put} indexes the tokens added since the last.
 */
public final class CampaignContentIndex {
    private final Map<String, Set<String>> byContent = new HashMap<>();
    private final Map<String, Set<String>> byDefining = new HashMap<>();
    /** Campaigns kept before the summary existed: they may share anything until it is rebuilt. */
    private final Set<String> unknown = new TreeSet<>();

    private final Map<String, Indexed> indexed = new HashMap<>();

    /** Indexes what {@code campaign}'s summary gained since it was last put. */
    public void put(Campaign campaign) {
        if (!campaign.knowsContent()) {
            remove(campaign.id);
            unknown.add(campaign.id);
            return;
        }
        unknown.remove(campaign.id);
        Indexed known = indexed.get(campaign.id);
        if (known != null
                && (campaign.content.size() < known.content.size()
                        || campaign.defining.size() < known.defining.size())) {
            remove(campaign.id); // a summary that started over (not done today): index it afresh
        }
        Indexed tokens = indexed.computeIfAbsent(campaign.id, id -> new Indexed());
        add(byContent, campaign.id, campaign.content, tokens.content);
        add(byDefining, campaign.id, campaign.defining, tokens.defining);
    }

    public void remove(String campaignId) {
        unknown.remove(campaignId);
        Indexed tokens = indexed.remove(campaignId);
        if (tokens != null) {
            tokens.content.forEach(token -> drop(byContent, token, campaignId));
            tokens.defining.forEach(token -> drop(byDefining, token, campaignId));
        }
    }

    /**
     * The campaigns one of whose findings may share content with {@code finding} (its defining tokens in their content,
     * or its content in their defining tokens), and those without a summary, in id order.
     */
    public List<String> mayShareContentWith(CampaignMember finding) {
        TreeSet<String> ids = new TreeSet<>(unknown);
        finding.defining.forEach(token -> ids.addAll(byContent.getOrDefault(token, Set.of())));
        finding.content.forEach(token -> ids.addAll(byDefining.getOrDefault(token, Set.of())));
        return new ArrayList<>(ids);
    }

    /** Indexes the tokens past those {@code done} holds (the summary's lists only grow), adding them to it. */
    private static void add(Map<String, Set<String>> index, String campaignId, List<String> tokens, List<String> done) {
        for (String token : tokens.subList(done.size(), tokens.size())) {
            index.computeIfAbsent(token, t -> new HashSet<>()).add(campaignId);
            done.add(token);
        }
    }

    private static void drop(Map<String, Set<String>> index, String token, String campaignId) {
        Set<String> ids = index.get(token);
        if (ids != null && ids.remove(campaignId) && ids.isEmpty()) {
            index.remove(token);
        }
    }

    /** The tokens of one campaign already indexed, as its summary listed them. */
    private static final class Indexed {
        final List<String> content = new ArrayList<>();
        final List<String> defining = new ArrayList<>();
    }
}

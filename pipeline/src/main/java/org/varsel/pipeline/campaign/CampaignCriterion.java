package org.varsel.pipeline.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.varsel.pipeline.correlate.DistinctSketch;

/**
 * Whether two findings are one campaign, and why, in words an analyst can check: their windows are at most
 * {@code max-gap} apart, one's defining content (a co-link's link, a push's hashtag, a co-similar cluster's text) is in
 * the other's content, and they share at least {@code min-containment} of the smaller account set. Shared accounts alone
 * are not enough (the same troll farm runs many narratives), nor is shared content alone (a popular hashtag).
 */
record CampaignCriterion(CampaignSettings settings) implements java.io.Serializable {

    /** Why {@code finding} joins {@code member}'s campaign, or empty when it does not. */
    Optional<String> joins(CampaignMember finding, CampaignMember member) {
        long gap = gap(finding, member);
        if (gap > settings.maxGap().toMillis()) {
            return Optional.empty();
        }
        List<String> shared = sharedContent(finding, member);
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        return sharedAccounts(finding, member.accounts, member.incident.accountCount())
                .map(accounts -> accounts + " and " + sharedWith(shared, member, gap));
    }

    /**
     * Why {@code finding} joins the campaign of {@code members} though no one of them shares enough of its accounts: a
     * hashtag game or a hoax is played by overlapping subsets of one pool of accounts, so a later text cluster shares
     * 2-3 accounts with each earlier finding but most with all of them together. Content and time are still compared
     * finding by finding; only the accounts are compared with the campaign's union.
     */
    Optional<String> joinsCampaign(CampaignMember finding, List<CampaignMember> members) {
        // the nearest sharer decides whether the union is needed at all: most campaigns share no content with a finding
        CampaignMember near = null;
        List<String> shared = List.of();
        for (CampaignMember member : members) {
            if (gap(finding, member) <= settings.maxGap().toMillis()) {
                shared = sharedContent(finding, member);
                if (!shared.isEmpty()) {
                    near = member;
                    break;
                }
            }
        }
        if (near == null) {
            return Optional.empty();
        }
        long[] union = new long[0];
        for (CampaignMember member : members) {
            union = DistinctSketch.union(union, member.accounts);
        }
        int campaignAccounts = Math.max(DistinctSketch.size(union), 1);
        CampaignMember sharer = near;
        List<String> content = shared;
        return sharedAccounts(finding, union, campaignAccounts)
                .map(accounts -> accounts + " with the campaign's " + campaignAccounts + " and "
                        + sharedWith(content, sharer, gap(finding, sharer)));
    }

    /** How many of the smaller of {@code finding}'s and the other set's accounts both hold, when it is enough. */
    private Optional<String> sharedAccounts(CampaignMember finding, long[] accounts, int size) {
        int a = finding.incident.accountCount();
        int common = DistinctSketch.overlap(finding.accounts, a, accounts, size);
        int smaller = Math.max(1, Math.min(a, size));
        double containment = (double) common / smaller;
        if (common == 0 || containment < settings.minContainment()) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "shares %d of %d accounts (%.0f %% ≥ %.0f %%)",
                common,
                smaller,
                100 * containment,
                100 * settings.minContainment()));
    }

    private static String sharedWith(List<String> shared, CampaignMember member, long gap) {
        return String.join(", ", shared) + " with " + member.incident.kind().label() + " " + member.incident.id() + "; "
                + (gap <= 0 ? "windows overlap" : "windows " + minutes(gap) + " apart");
    }

    /** The time between two findings' windows; zero or less when they overlap. */
    private static long gap(CampaignMember x, CampaignMember y) {
        return Math.max(x.firstSeen(), y.firstSeen()) - Math.min(x.lastSeen(), y.lastSeen());
    }

    /** Content defining one of the two that the other also carries (at most three, for the explanation). */
    private static List<String> sharedContent(CampaignMember x, CampaignMember y) {
        List<String> shared = new ArrayList<>();
        collect(x.defining, y.content, shared);
        collect(y.defining, x.content, shared);
        return shared;
    }

    private static void collect(List<String> defining, List<String> content, List<String> shared) {
        for (String token : defining) {
            if (shared.size() < 3 && content.contains(token)) {
                String described = CampaignMember.describe(token);
                if (!shared.contains(described)) {
                    shared.add(described);
                }
            }
        }
    }

    private static String minutes(long millis) {
        return Duration.ofMillis(millis).toMinutes() + " min";
    }
}

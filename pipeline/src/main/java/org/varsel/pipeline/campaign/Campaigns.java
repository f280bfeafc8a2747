package org.varsel.pipeline.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * Consolidates detector findings into campaigns: connected components of findings under {@link CampaignCriterion},
 * grown as findings arrive (union-find with the earlier campaign surviving a merge), with a cap on a campaign's span.
 * Updates wait for the watermark and are taken in event-time order, so a replay makes the same campaigns with the same
 * ids whatever order the detectors' outputs interleave in.
 *
 * <p>What the queue receives: a finding that joins no campaign is emitted as it is (its own kind, its own id), so
 * recall does not depend on consolidation; once a second finding joins, the founder's id is emitted as kind
 * {@code campaign} with every finding listed; a campaign merged into another is emitted a last time with
 * {@code merged_into} (the desk redirects). High-severity signals reach the queue on their own path at once and are
 * listed in the campaign their account is already in; they never found one.
 */
public final class Campaigns implements java.io.Serializable {
    /** Findings per campaign (the IRA's largest hashtag games reach ~150); a finding that would pass this is left on its own. */
    public static final int MAX_FINDINGS = 1_000;

    private final CampaignSettings settings;
    private final CampaignCriterion criterion;
    /**
     * The campaigns whose every finding this instance sent to the emission stage: memory only, so after a restore (a new
     * instance) each campaign's next change carries all its findings, whatever the stage's state holds.
     */
    private transient Set<String> announced;

    public Campaigns(CampaignSettings settings) {
        this.settings = settings;
        this.criterion = new CampaignCriterion(settings);
    }

    /** Keeps {@code update} until the watermark passes it (or the next watermark, when it is already behind). */
    public void onFinding(CampaignState state, FindingUpdate update, long watermark, CampaignOutput out) {
        long at = Math.max(update.incident().updatedAt().toEpochMilli(), watermark + 1);
        state.addPending(at, update);
        out.wakeAt(at);
    }

    /** Event time reached {@code time}: consolidates the updates due, emits what changed, forgets campaigns long over. */
    public void onTimer(CampaignState state, long time, CampaignOutput out) {
        release(state, time, out);
        forgetCampaignsOver(state, time, out);
    }

    /**
     * Event time stood still while updates waited (a quiet spell: idle sources move no watermark): consolidates every
     * held update now, so a live campaign reaches the queue without waiting for the next signal. A finding older than
     * one already consolidated joins as a late finding does.
     */
    public void onHoldExpired(CampaignState state, CampaignOutput out) {
        release(state, Long.MAX_VALUE, out);
    }

    private void release(CampaignState state, long time, CampaignOutput out) {
        Changed changed = new Changed();
        for (FindingUpdate update : state.takePending(time)) {
            consolidate(state, update, changed, out);
        }
        for (Map.Entry<String, Set<String>> entry : changed.entrySet()) {
            Campaign campaign = state.campaign(entry.getKey());
            campaign.version++;
            out.emit(change(state, campaign, campaign.version, entry.getValue(), null));
            state.putCampaign(campaign);
            out.wakeAt(campaign.lastSeen + settings.retentionMillis());
        }
    }

    /**
     * What the emission stage needs to build the campaign's incident: the findings {@code touched} since its last
     * emission, or every finding when the stage may not hold them (the first change this instance sends: after
     * a restore from a savepoint taken before the stage existed, it holds nothing).
     */
    private CampaignChange change(
            CampaignState state, Campaign campaign, long version, Set<String> touched, String mergedInto) {
        boolean whole = announced().add(campaign.id);
        List<CampaignMember> findings = new ArrayList<>();
        for (String id : whole ? campaign.findings : touched) {
            CampaignMember finding = state.member(id);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return new CampaignChange(campaign.id, version, findings, whole, mergedInto, false);
    }

    private void consolidate(CampaignState state, FindingUpdate update, Changed changed, CampaignOutput out) {
        String id = update.incident().id();
        CampaignMember known = state.member(id);
        if (known != null) {
            if (update.incident().version() <= known.incident.version()) {
                return;
            }
            known.update(update, settings.shingleWords());
            state.putMember(known);
            Campaign campaign = state.campaign(known.campaignId);
            campaign.stretchTo(known);
            state.putCampaign(campaign);
            changed.touch(campaign.id, id);
            mergeWhatItMeets(state, known, changed, out);
            return;
        }
        CampaignMember finding = CampaignMember.of(update, settings.shingleWords());
        List<Meeting> meetings = meetings(state, finding, null);
        if (meetings.isEmpty()) {
            if (!finding.single()) {
                Campaign campaign = Campaign.foundedBy(finding);
                finding.campaignId = campaign.id;
                state.putMember(finding);
                state.putCampaign(campaign);
                changed.touch(campaign.id, id);
            }
            return;
        }
        Campaign survivor = meetings.get(0).campaign();
        for (Meeting meeting : meetings) {
            if (meeting.campaign().outlives(survivor)) {
                survivor = meeting.campaign();
            }
        }
        finding.campaignId = survivor.id;
        finding.joinedBecause = meetings.get(0).because();
        state.putMember(finding);
        survivor.findings.add(finding.incident.id());
        survivor.stretchTo(finding);
        state.putCampaign(survivor);
        changed.touch(survivor.id, id);
        if (finding.single()) {
            return; // one post never bridges two campaigns
        }
        for (Meeting meeting : meetings) {
            if (!meeting.campaign().id.equals(survivor.id)) {
                merge(
                        state,
                        state.campaign(survivor.id),
                        state.campaign(meeting.campaign().id),
                        meeting.because(),
                        changed,
                        out);
            }
        }
    }

    /** A finding that grew may now meet other campaigns: they merge with its own. */
    private void mergeWhatItMeets(CampaignState state, CampaignMember grown, Changed changed, CampaignOutput out) {
        for (Meeting meeting : meetings(state, grown, grown.campaignId)) {
            // re-read: a merge before this one may have moved the grown finding (state hands out copies on RocksDB)
            Campaign own = state.campaign(state.member(grown.incident.id()).campaignId);
            Campaign other = state.campaign(meeting.campaign().id);
            if (own.id.equals(other.id)) {
                continue;
            }
            if (own.outlives(other)) {
                merge(state, own, other, meeting.because(), changed, out);
            } else {
                merge(state, other, own, grown.incident.id() + " " + meeting.because(), changed, out);
            }
        }
    }

    /** The campaigns {@code finding} joins (not {@code except}), each with the reason from its first matching finding. */
    private List<Meeting> meetings(CampaignState state, CampaignMember finding, String except) {
        List<Meeting> meetings = new ArrayList<>();
        for (String id : state.campaignIdsSharingContentWith(finding)) {
            Campaign campaign = state.campaign(id);
            // every finding's window lies within its campaign's: a campaign too far away cannot hold a match (and its
            // findings need not be read)
            if (campaign == null
                    || id.equals(except)
                    || campaign.gapTo(finding) > settings.maxGap().toMillis()
                    || campaign.spanWith(finding) > settings.maxSpan().toMillis()
                    || campaign.findings.size() >= MAX_FINDINGS
                    || !sharesContent(state, campaign, finding)) {
                continue;
            }
            List<CampaignMember> others = new ArrayList<>();
            Optional<String> because = Optional.empty();
            for (String memberId : campaign.findings) {
                CampaignMember member = state.member(memberId);
                if (member == null || memberId.equals(finding.incident.id())) {
                    continue;
                }
                others.add(member);
                because = criterion.joins(finding, member);
                if (because.isPresent()) {
                    break;
                }
            }
            if (because.isEmpty() && others.size() > 1) {
                because = criterion.joinsCampaign(finding, others);
            }
            because.ifPresent(reason -> meetings.add(new Meeting(campaign, reason)));
        }
        return meetings;
    }

    /** Whether one of the campaign's findings may share content with {@code finding}, from the campaign's summary. */
    private static boolean sharesContent(CampaignState state, Campaign campaign, CampaignMember finding) {
        if (!campaign.knowsContent()) {
            campaign.rebuildContent(
                    members(state, campaign).stream().filter(Objects::nonNull).toList());
            state.putCampaign(campaign);
        }
        return campaign.mayShareContentWith(finding);
    }

    private void merge(
            CampaignState state,
            Campaign survivor,
            Campaign merged,
            String because,
            Changed changed,
            CampaignOutput out) {
        if (survivor.spanWith(merged) > settings.maxSpan().toMillis()
                || survivor.findings.size() + merged.findings.size() > MAX_FINDINGS) {
            return;
        }
        Set<String> touched = changed.remove(merged.id);
        if (merged.version > 0) {
            // The queue already has the merged id: its last version points to the survivor, the desk redirects.
            out.emit(change(state, merged, merged.version, touched == null ? Set.of() : touched, survivor.id));
        }
        for (String memberId : merged.findings) {
            CampaignMember member = state.member(memberId);
            if (member == null) {
                continue; // its entry expired by state TTL before its campaign's: nothing of it is left to move
            }
            member.campaignId = survivor.id;
            if (memberId.equals(merged.id)) {
                member.joinedBecause = because;
            }
            state.putMember(member);
            survivor.findings.add(memberId);
            survivor.absorbContent(member);
            changed.touch(survivor.id, memberId);
        }
        survivor.firstSeen = Math.min(survivor.firstSeen, merged.firstSeen);
        survivor.lastSeen = Math.max(survivor.lastSeen, merged.lastSeen);
        state.putCampaign(survivor);
        state.removeCampaign(merged.id);
        announced().remove(merged.id);
    }

    private static List<CampaignMember> members(CampaignState state, Campaign campaign) {
        List<CampaignMember> members = new ArrayList<>();
        campaign.findings.forEach(id -> members.add(state.member(id)));
        return members;
    }

    private void forgetCampaignsOver(CampaignState state, long time, CampaignOutput out) {
        for (String id : state.campaignIdsLastSeenBy(time - settings.retentionMillis())) {
            Campaign campaign = state.campaign(id);
            if (campaign == null) {
                state.removeCampaign(id); // the TTL expired it: the id goes too
                announced().remove(id);
                out.emit(CampaignChange.over(id));
            } else if (campaign.lastSeen + settings.retentionMillis() <= time) {
                campaign.findings.forEach(state::removeMember);
                state.removeCampaign(id);
                announced().remove(id);
                out.emit(CampaignChange.over(id));
            }
        }
    }

    private Set<String> announced() {
        if (announced == null) {
            announced = new HashSet<>();
        }
        return announced;
    }

    private record Meeting(Campaign campaign, String because) {}

    /** The campaigns a release changed, in id order, each with the findings it touched (joined, grew, moved in). */
    private static final class Changed extends TreeMap<String, Set<String>> {
        void touch(String campaignId, String findingId) {
            computeIfAbsent(campaignId, c -> new LinkedHashSet<>()).add(findingId);
        }
    }
}

package org.varsel.pipeline.campaign;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.varsel.contract.Incident;

/**
 * The emission stage: keeps a campaign's findings as consolidation sends them and builds the campaign's incident when
 * the queue is to hear of it, so that consolidation's one key sends only what changed and the O(findings) build runs
 * per campaign key, in parallel. Each incident equals the one built from consolidation's own state at that moment.
 *
 * <p>News at once, churn coalesced (docs/incidents.md, "Update rate"): a campaign's first version, a merged campaign's
 * last and a change that {@link CampaignStanding#escalates} are emitted at once; any other change within the emit
 * interval (event time) after the last emission is held, and the newest held version is built once when the interval
 * closes, when the campaign is over (end of input included) or when the caller flushes it. The queue's last version of
 * every campaign is therefore the one an interval of zero (every change) gives; only versions in between are skipped.
 */
public final class CampaignIncidents implements Serializable {
    private final long intervalMillis;

    public CampaignIncidents(CampaignSettings settings) {
        this.intervalMillis = settings.emitInterval().toMillis();
    }

    /**
     * Applies {@code change}, which happened at event time {@code at}, to the campaign's {@code findings}; the incident
     * update to emit now, if any. When it holds a version back it calls {@code wakeAt} with the event time the version is
     * due at (once per held version), for {@link #onTimer}.
     */
    public Optional<Incident> apply(CampaignChange change, long at, CampaignFindings findings, LongConsumer wakeAt) {
        if (change.over()) {
            // a held version is the campaign's last: at the end of input every campaign is over before any timer fires
            Optional<Incident> last = flush(change.campaignId(), at, findings);
            forget(findings);
            return last;
        }
        if (change.whole()) {
            findings.clear();
        }
        change.findings().forEach(findings::put);
        List<CampaignMember> all = findings.all();
        if (all.isEmpty()) {
            return Optional.empty(); // every finding outlived the state's TTL on both stages: nothing left to show
        }
        if (change.mergedInto() != null) {
            // the queue already has the merged id: its last version points to the survivor, the desk redirects
            Incident incident = CampaignIncident.of(change.campaignId(), all, change.version());
            forget(findings);
            return Optional.of(incident.mergedInto(change.version() + 1, change.mergedInto()));
        }
        CampaignEmission emission = findings.emission();
        CampaignStanding standing = CampaignStanding.of(all);
        if (emission == null
                || intervalMillis == 0
                || at >= emission.dueAt(intervalMillis)
                || standing.escalates(emission.shown())) {
            return Optional.of(emit(change.campaignId(), change.version(), all, standing, at, findings));
        }
        if (!emission.holds()) {
            wakeAt.accept(emission.dueAt(intervalMillis));
        }
        findings.emission(emission.holding(change.version()));
        return Optional.empty();
    }

    /** Event time reached {@code time}: the held version, if it is due. */
    public Optional<Incident> onTimer(String campaignId, long time, CampaignFindings findings) {
        CampaignEmission emission = findings.emission();
        if (emission == null || time < emission.dueAt(intervalMillis)) {
            return Optional.empty();
        }
        return flush(campaignId, time, findings);
    }

    /** The held version now, if any, whatever the interval (a quiet spell that moves no event time, the campaign's end). */
    public Optional<Incident> flush(String campaignId, long at, CampaignFindings findings) {
        CampaignEmission emission = findings.emission();
        if (emission == null || !emission.holds()) {
            return Optional.empty();
        }
        List<CampaignMember> all = findings.all();
        if (all.isEmpty()) {
            findings.emission(emission.holding(0));
            return Optional.empty();
        }
        return Optional.of(emit(campaignId, emission.heldVersion(), all, CampaignStanding.of(all), at, findings));
    }

    private static Incident emit(
            String campaignId,
            long version,
            List<CampaignMember> all,
            CampaignStanding standing,
            long at,
            CampaignFindings findings) {
        CampaignEmission before = findings.emission();
        long shownAt = before == null ? at : Math.max(at, before.shownAt());
        findings.emission(new CampaignEmission(standing, shownAt, 0));
        return CampaignIncident.of(campaignId, all, version);
    }

    private static void forget(CampaignFindings findings) {
        findings.clear();
        findings.emission(null);
    }
}

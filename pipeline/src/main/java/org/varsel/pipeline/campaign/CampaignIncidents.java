package org.varsel.pipeline.campaign;

import java.util.List;
import java.util.Optional;
import org.varsel.contract.Incident;

/**
 * The emission stage: keeps a campaign's findings as consolidation sends them and builds the campaign's incident at
 * every change, so that consolidation's one key sends only what changed and the O(findings) build runs per campaign
 * key, in parallel. The incident equals the one built from consolidation's own state at the same moment.
 */
public final class CampaignIncidents {
    private CampaignIncidents() {}

    /** Applies {@code change} to the campaign's {@code findings}; the incident update to emit, if any. */
    public static Optional<Incident> apply(CampaignChange change, CampaignFindings findings) {
        if (change.whole() || change.over()) {
            findings.clear();
        }
        if (change.over()) {
            return Optional.empty();
        }
        change.findings().forEach(findings::put);
        List<CampaignMember> all = findings.all();
        if (all.isEmpty()) {
            return Optional.empty(); // every finding outlived the state's TTL on both stages: nothing left to show
        }
        Incident incident = CampaignIncident.of(change.campaignId(), all, change.version());
        if (change.mergedInto() == null) {
            return Optional.of(incident);
        }
        // the queue already has the merged id: its last version points to the survivor, the desk redirects
        findings.clear();
        return Optional.of(incident.mergedInto(change.version() + 1, change.mergedInto()));
    }
}

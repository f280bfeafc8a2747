package org.varsel.pipeline.campaign;

import java.util.List;
import org.varsel.contract.Incident;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;

/**
 * What decides whether a campaign's change is news for the queue: the tier and severity of its gravest finding, its TLP
 * (the most restrictive of its findings') and whether it is a campaign yet (two or more findings) or still one finding
 * shown as it is. Read off the findings without building the incident, which carries the same values.
 */
public record CampaignStanding(Tier tier, int severity, Tlp tlp, boolean consolidated) {
    /** A severity rise this large is news on its own, as it is for an open incident (docs/incidents.md, Update rate). */
    static final int SEVERITY_RISE = 10;

    static CampaignStanding of(List<CampaignMember> findings) {
        List<Incident> incidents = findings.stream().map(m -> m.incident).toList();
        Incident gravest =
                incidents.stream().min(CampaignIncident.GRAVEST_FIRST).orElseThrow();
        Tlp tlp = incidents.stream().map(Incident::tlp).reduce(Tlp.CLEAR, Tlp::mostRestrictive);
        return new CampaignStanding(gravest.tier(), gravest.severity(), tlp, incidents.size() > 1);
    }

    /**
     * Whether the queue must hear of this at once rather than with the next coalesced version: two findings became a
     * campaign, the tier rose, the severity rose by {@value #SEVERITY_RISE}, or the TLP became stricter (the version the
     * queue holds is marked for a wider audience than what the campaign now carries).
     */
    boolean escalates(CampaignStanding shown) {
        return (consolidated && !shown.consolidated)
                || tier.ordinal() < shown.tier.ordinal()
                || severity >= shown.severity + SEVERITY_RISE
                || shown.tlp.mostRestrictive(tlp) != shown.tlp;
    }
}

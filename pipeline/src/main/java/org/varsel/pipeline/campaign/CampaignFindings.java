package org.varsel.pipeline.campaign;

import java.util.List;

/**
 * The emission stage's state for one campaign: its findings as consolidation last sent them, by incident id, and what
 * the queue last received of it.
 */
public interface CampaignFindings {
    List<CampaignMember> all();

    void put(CampaignMember finding);

    void clear();

    /** What was last emitted and what is held back, or null before the first emission. */
    CampaignEmission emission();

    void emission(CampaignEmission emission);
}

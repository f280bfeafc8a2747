package org.varsel.pipeline.campaign;

import java.util.List;

/** The emission stage's state for one campaign: its findings as consolidation last sent them, by incident id. */
public interface CampaignFindings {
    List<CampaignMember> all();

    void put(CampaignMember finding);

    void clear();
}

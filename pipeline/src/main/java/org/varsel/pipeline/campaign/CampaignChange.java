package org.varsel.pipeline.campaign;

import java.util.List;

/**
 * What consolidation sends the emission stage about one campaign (keyed by its id, so that the incidents are built in
 * parallel, not on consolidation's one key): the findings that joined or changed since its last emission, or every one
 * of them when {@code whole}; the version to emit; the campaign it was merged into (its last version), or that it is
 * over (forget it, emit nothing).
 */
public record CampaignChange(
        String campaignId,
        long version,
        List<CampaignMember> findings,
        boolean whole,
        String mergedInto,
        boolean over) {

    static CampaignChange over(String campaignId) {
        return new CampaignChange(campaignId, 0, List.of(), true, null, true);
    }
}

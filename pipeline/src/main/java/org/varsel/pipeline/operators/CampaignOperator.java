package org.varsel.pipeline.operators;

import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.varsel.pipeline.campaign.CampaignChange;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * The keyed operator of {@link CampaignFunction}: Flink's keyed process operator (same state, same timers, so its
 * checkpoints restore either way) that writes the finding updates still waiting for the watermark just before every
 * checkpoint barrier ({@link PendingUntilBarrier}).
 */
final class CampaignOperator extends KeyedProcessOperator<String, FindingUpdate, CampaignChange> {
    CampaignOperator(CampaignFunction consolidation) {
        super(consolidation);
    }

    @Override
    public void open() throws Exception {
        consolidation().holdPendingIn(this); // before the function opens its state
        super.open();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        consolidation().writePendingBack();
    }

    private CampaignFunction consolidation() {
        return (CampaignFunction) getUserFunction();
    }
}

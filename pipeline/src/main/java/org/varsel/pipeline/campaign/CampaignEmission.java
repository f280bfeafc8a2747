package org.varsel.pipeline.campaign;

/**
 * What the emission stage remembers of a campaign besides its findings: the standing of the version the queue last
 * received and the event time it was emitted at, and the newest version held back since (0: none), to be emitted when
 * the emit interval closes.
 */
public record CampaignEmission(CampaignStanding shown, long shownAt, long heldVersion) {

    boolean holds() {
        return heldVersion > 0;
    }

    /** When a held version is due: one emit interval after the last one. */
    long dueAt(long intervalMillis) {
        long due = shownAt + intervalMillis;
        return due < shownAt ? Long.MAX_VALUE : due;
    }

    CampaignEmission holding(long version) {
        return new CampaignEmission(shown, shownAt, version);
    }
}

package org.varsel.pipeline.correlate;

/**
 * How often an open incident is re-emitted: at once when it changes significantly (accounts doubled, tier or severity
 * rose), otherwise at most once per {@code interval} of event time, and a last time when it closes.
 */
record UpdatePolicy(long intervalMillis) implements java.io.Serializable {

    void afterJoin(IncidentDraft draft, long now, Updates updates) {
        if (draft.changedSignificantly()) {
            updates.emit(draft.emitFinding(now));
        } else {
            wakeForUpdate(draft, updates);
        }
    }

    void onTimer(IncidentDraft draft, long time, Updates updates) {
        if (time >= draft.updateWakeAt) {
            draft.updateWakeAt = 0; // fired: a later join may ask for the same moment again only if it is still ahead
        }
        if (!draft.dirty) {
            return;
        }
        if (time >= draft.lastEmittedAt + intervalMillis) {
            updates.emit(draft.emitFinding(time));
        } else {
            wakeForUpdate(draft, updates);
        }
    }

    /**
     * Asks for the next update moment once, not once per joining signal: re-registering a timer is free on the heap
     * backend but a write on RocksDB.
     */
    private void wakeForUpdate(IncidentDraft draft, Updates updates) {
        long at = draft.lastEmittedAt + intervalMillis;
        if (draft.updateWakeAt != at) {
            draft.updateWakeAt = at;
            updates.wakeAt(at);
        }
    }

    void close(IncidentDraft draft, long time, Updates updates) {
        if (draft.dirty) {
            updates.emit(draft.emitFinding(time));
        }
    }
}

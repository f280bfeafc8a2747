package org.varsel.pipeline.correlate;

/**
 * How often an open incident is re-emitted: at once when it changes significantly (accounts doubled, tier or severity
 * rose), otherwise at most once per {@code interval} of event time, and a last time when it closes.
 */
record UpdatePolicy(long intervalMillis) implements java.io.Serializable {

  void afterJoin(IncidentDraft draft, long now, Updates updates) {
    if (draft.changedSignificantly()) {
      updates.emit(draft.emit(now));
    } else {
      updates.wakeAt(draft.lastEmittedAt + intervalMillis);
    }
  }

  void onTimer(IncidentDraft draft, long time, Updates updates) {
    if (!draft.dirty) {
      return;
    }
    if (time >= draft.lastEmittedAt + intervalMillis) {
      updates.emit(draft.emit(time));
    } else {
      updates.wakeAt(draft.lastEmittedAt + intervalMillis);
    }
  }

  void close(IncidentDraft draft, long time, Updates updates) {
    if (draft.dirty) {
      updates.emit(draft.emit(time));
    }
  }
}

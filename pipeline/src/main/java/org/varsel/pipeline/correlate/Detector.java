package org.varsel.pipeline.correlate;

import java.io.Serializable;

/**
 * One detector's logic for one key, free of Flink: it gets the key's state (null when there is none), returns the
 * state to keep (null to forget the key), and talks back through {@link Updates}. {@code watermark} is the event
 * time before which no more on-time signals will arrive.
 */
public interface Detector<S> extends Serializable {
  S onSignal(S state, KeyedSignal input, long watermark, Updates updates);

  /** Event time has reached {@code time}, a moment this key asked for with {@link Updates#wakeAt}. */
  S onTimer(S state, String key, long time, Updates updates);
}

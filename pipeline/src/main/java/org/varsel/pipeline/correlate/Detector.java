package org.varsel.pipeline.correlate;

import java.io.Serializable;

/**
 * One detector's logic for one key, free of Flink: it reads and changes the key's {@link KeyState} (clearing it to
 * forget the key) and talks back through {@link Updates}. {@code watermark} is the event time before which no more
 * on-time signals will arrive.
 */
public interface Detector<H> extends Serializable {
    void onSignal(KeyState<H> state, KeyedSignal input, long watermark, Updates updates);

    /** Event time has reached {@code time}, a moment this key asked for with {@link Updates#wakeAt}. */
    void onTimer(KeyState<H> state, String key, long time, Updates updates);
}

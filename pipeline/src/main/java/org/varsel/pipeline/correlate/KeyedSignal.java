package org.varsel.pipeline.correlate;

import org.varsel.pipeline.analysis.AnalysedSignal;

/**
 * A signal on its way to one detector, under the key that detector groups by (a content key, a URL, a hashtag, a
 * category). {@code signature} is the MinHash of its text for co-similar text, empty otherwise.
 */
public record KeyedSignal(String key, AnalysedSignal signal, long[] signature) {
    public long at() {
        return signal.signal().observedAt().toEpochMilli();
    }
}

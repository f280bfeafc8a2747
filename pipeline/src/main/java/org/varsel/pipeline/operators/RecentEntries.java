package org.varsel.pipeline.operators;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded map that drops its least recently used entry: the operators' caches of deserialised state. */
final class RecentEntries<V> extends LinkedHashMap<String, V> {
    private final int capacity;

    RecentEntries(int capacity) {
        super(256, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
    }
}

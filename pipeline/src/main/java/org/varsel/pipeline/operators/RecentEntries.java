package org.varsel.pipeline.operators;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map that drops its least recently used entry, and is emptied once its lifetime has passed: the operators'
 * caches of deserialised state. Where the state backend hands out the objects it stores (the heap backend, see {@link
 * KeyedAccess#readsFreshCopies}) it is not kept: emptied at every call, so it lives for one record or timer only.
 */
final class RecentEntries<V> extends LinkedHashMap<String, V> {
    private final int capacity;
    private final long lifetimeMillis;
    private final boolean kept;
    private long since = Long.MIN_VALUE;

    RecentEntries(int capacity, Duration lifetime, boolean kept) {
        super(256, 0.75f, true);
        this.capacity = capacity;
        this.lifetimeMillis = lifetime.toMillis();
        this.kept = kept;
    }

    /** Empties the cache when it is not kept or its lifetime has passed ({@code now}: processing time). */
    void forgetWhenDue(long now) {
        if (!kept || since == Long.MIN_VALUE || now - since >= lifetimeMillis) {
            clear();
            since = now;
        }
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
    }
}

package org.varsel.pipeline.rules;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded memory of answers that a pure function gave, for the keys a stream brings back: the words of documents
 * ({@link RememberedWordFilter}), the texts a campaign posts again ({@link org.varsel.pipeline.analysis.RecentMatches}).
 * When full, the keys not read since the last time it was full are forgotten (a second chance, as the CLOCK page cache
 * gives). A read only marks its key: two generations copied every key read from the old one into the young one, and
 * with the bench's vocabulary larger than one generation those copies were 4 % of the pipeline's samples
 * (docs/performance.md, issue 20); emptying one map when full made every key of the next documents a miss at once.
 * Safe for several threads; a value must not depend on which thread computed it.
 */
public class SecondChanceMemory<K, V> {

    private final int capacity;
    /** Sized for all its keys at once (the map adds its own headroom): growing, it rehashed while the task filled it. */
    private final Map<K, Remembered<V>> values;

    /** Holds at most {@code capacity} keys. */
    public SecondChanceMemory(int capacity) {
        this.capacity = capacity;
        this.values = new ConcurrentHashMap<>(capacity);
    }

    /** The value remembered for {@code key}, or null. */
    public V get(K key) {
        Remembered<V> r = values.get(key);
        if (r == null) {
            return null;
        }
        r.markRead();
        return r.value;
    }

    /** Remembers {@code value} for {@code key}, forgetting others first when full. */
    public void put(K key, V value) {
        if (values.size() >= capacity) {
            forgetUnread();
        }
        values.put(key, new Remembered<>(value));
    }

    /** How many keys it holds. */
    public int size() {
        return values.size();
    }

    /**
     * Forgets the keys not read since the last call and clears the marks of the rest; when nearly all were read
     * (a working set as large as the memory), forgets more of them, whichever come first, to keep room for new keys.
     */
    private void forgetUnread() {
        values.values().removeIf(r -> !r.takeRead());
        Iterator<Remembered<V>> extra = values.values().iterator();
        while (values.size() > capacity - capacity / 4 && extra.hasNext()) {
            extra.next();
            extra.remove();
        }
    }

    /** A remembered value and whether it was read since the memory was last full. */
    private static final class Remembered<V> {
        final V value;
        /** Racy on purpose: a lost mark only makes a key forgotten one round early, and its value is the same. */
        private boolean read;

        Remembered(V value) {
            this.value = value;
        }

        void markRead() {
            if (!read) {
                read = true;
            }
        }

        boolean takeRead() {
            boolean was = read;
            read = false;
            return was;
        }
    }
}

package org.varsel.pipeline.rules;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.apache.lucene.index.memory.MemoryIndex;

/**
 * Makes the one-document index a signal's text is analysed into, so that {@link MemoryIndex#reset()} keeps its buffers
 * for the next signal. A fresh index took a new 32 KB block of ints and one of bytes for every signal, about a tenth of
 * rule matching in the bench's profile (docs/performance.md, issue 20); Lucene 9 lets an index keep blocks on reset
 * only through a package-private constructor, reached here by a method handle.
 */
final class SignalIndex {

    /** Bytes of buffers an index keeps over a reset: a few blocks each of ints and bytes, what a long post fills. */
    static final long KEPT_BYTES = 256 * 1024;

    private static final MethodHandle RECYCLING = recycling();

    private SignalIndex() {}

    /**
     * An index with offsets (for the highlights) and no payloads (the Monitor stored them, no rule reads them, and their
     * buffer was a fresh 32 KB block a signal: docs/performance.md), keeping {@link #KEPT_BYTES} over a reset.
     */
    static MemoryIndex create() {
        if (RECYCLING == null) {
            return new MemoryIndex(true, false);
        }
        try {
            return (MemoryIndex) RECYCLING.invokeExact(true, false, KEPT_BYTES);
        } catch (Throwable e) {
            throw new IllegalStateException("MemoryIndex(storeOffsets, storePayloads, maxReusedBytes) failed", e);
        }
    }

    /** Lucene's constructor that keeps buffers, or null where the module system hides it (the index then keeps none). */
    private static MethodHandle recycling() {
        try {
            return MethodHandles.privateLookupIn(MemoryIndex.class, MethodHandles.lookup())
                    .findConstructor(
                            MemoryIndex.class,
                            MethodType.methodType(void.class, boolean.class, boolean.class, long.class));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return null;
        }
    }
}

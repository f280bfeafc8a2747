package org.varsel.pipeline.operators;

import java.time.Duration;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * How the keyed operators declare and reach their state: every descriptor with the same safety-net TTL, and Flink's
 * checked exceptions turned into a task failure (the task restarts from a checkpoint).
 */
final class KeyedAccess {
    private KeyedAccess() {}

    /** {@code descriptor} with a TTL of {@code ttl} (processing time, from the last write), expired values never read. */
    static <D extends StateDescriptor<?, ?>> D expiring(D descriptor, Duration ttl) {
        descriptor.enableTimeToLive(ttl(ttl).build());
        return descriptor;
    }

    /**
     * {@link #expiring} for the map states of one key that holds many entries: without the heap backend's incremental
     * cleanup, which copies a few entries on every access (on one key with hundreds of findings that copying was most of
     * the consolidation's time); expired entries go in full snapshots (heap) and RocksDB compaction instead.
     */
    static <D extends StateDescriptor<?, ?>> D expiringWithoutCleanupOnAccess(D descriptor, Duration ttl) {
        descriptor.enableTimeToLive(ttl(ttl).disableCleanupInBackground()
                .cleanupFullSnapshot()
                .cleanupInRocksdbCompactFilter(1000)
                .build());
        return descriptor;
    }

    private static StateTtlConfig.Builder ttl(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired);
    }

    interface StateCall<T> {
        T call() throws Exception;
    }

    interface StateRun {
        void run() throws Exception;
    }

    static <T> T call(StateCall<T> access) {
        try {
            return access.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("keyed state access failed", e);
        }
    }

    static void run(StateRun access) {
        call(() -> {
            access.run();
            return null;
        });
    }
}

package org.varsel.pipeline.operators;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;

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

    /**
     * Whether the job's state backend hands out a fresh object on every read (RocksDB, ForSt deserialise), so that an
     * operator may keep what it read in memory and change it in place. The heap backend hands out the very object an
     * asynchronous snapshot may still be writing (it copies a value on access only while a snapshot is pending): an
     * operator-side cache there lets a snapshot fail or hold state later than its barrier. Unknown means no.
     */
    static boolean readsFreshCopies(RuntimeContext context) {
        if (!(context instanceof StreamingRuntimeContext streaming)) {
            return false;
        }
        String backend = streaming
                .getJobConfiguration()
                .getOptional(StateBackendOptions.STATE_BACKEND)
                .orElseGet(() -> streaming
                        .getTaskManagerRuntimeInfo()
                        .getConfiguration()
                        .get(StateBackendOptions.STATE_BACKEND));
        return Set.of("rocksdb", "forst").contains(backend.toLowerCase(Locale.ROOT));
    }

    private static StateTtlConfig.Builder ttl(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired);
    }

    interface StateCall<T> {
        T call() throws Exception;
    }

    /** A read of one value by its key, as {@link org.apache.flink.api.common.state.MapState#get} is. */
    interface StateLookup<V> {
        V get(String key) throws Exception;
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

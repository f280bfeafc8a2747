package org.varsel.pipeline.incident;

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
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
        .build());
    return descriptor;
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

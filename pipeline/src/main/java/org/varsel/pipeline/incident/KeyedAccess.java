package org.varsel.pipeline.incident;

/** Flink's state accessors throw checked exceptions; a failure there fails the task (and it restarts from a checkpoint). */
final class KeyedAccess {
  private KeyedAccess() {}

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

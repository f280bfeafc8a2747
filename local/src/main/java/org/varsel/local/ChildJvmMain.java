package org.varsel.local;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Entry point of every JVM the local stack starts (Kafka broker, Flink JobManager and TaskManagers):
 * {@code ChildJvmMain <parent pid> <main class> <args...>} runs that main and exits when the JVM that started it
 * is gone, even if that JVM died by {@code kill -9} and its shutdown hook never ran.
 */
final class ChildJvmMain {

    private ChildJvmMain() {}

    public static void main(String[] args) throws Throwable {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid)
                .ifPresentOrElse(parent -> parent.onExit().thenRun(() -> System.exit(1)), () -> System.exit(1));
        // The main class name stays on the command line so that `ps | grep kafka.Kafka` finds every broker.
        try {
            Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object)
                    Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

package org.varsel.local;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Entry point of the broker JVM: {@code BrokerMain <parent pid> kafka.Kafka server.properties} runs Kafka's own
 * main and shuts the broker down when the JVM that started it is gone, even if that JVM died by {@code kill -9}
 * and its shutdown hook never ran.
 */
final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Throwable {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(1)),
                () -> System.exit(1));
        // The Kafka class name stays on the command line so that `ps | grep kafka.Kafka` finds every broker.
        try {
            Class.forName(args[1]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

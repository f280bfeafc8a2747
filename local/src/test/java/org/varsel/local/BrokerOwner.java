package org.varsel.local;

import java.nio.file.Path;

/** A JVM that starts a broker and then waits to be killed: the parent in {@link LocalKafkaLifecycleTest}. */
final class BrokerOwner {

    private BrokerOwner() {}

    public static void main(String[] args) throws Exception {
        LocalKafka.builder().baseDirectory(Path.of(args[0])).start();
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

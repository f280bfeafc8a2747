package org.varsel.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** How the local stack starts a service in a JVM of its own: same java, classpath in an argument file, bound to us. */
final class ChildJvm {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private ChildJvm() {}

    /**
     * The command line for {@code mainClass} under {@link ChildJvmMain}, so that the child exits with this JVM.
     * The classpath goes into an argument file: test classpaths can exceed the kernel's 128 KiB limit for one argument.
     */
    static List<String> command(
            Path argFile, String classpath, List<String> jvmOptions, String mainClass, List<String> args)
            throws IOException {
        Files.writeString(argFile, "-cp\n\"" + classpath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n");
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("@" + argFile);
        command.add(ChildJvmMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Where {@link ChildJvmMain} is loaded from, for classpaths that are not this JVM's own. */
    static String launcherClasspath() {
        try {
            return Path.of(ChildJvmMain.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of the local stack", e);
        }
    }

    static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * A port free now that this JVM has not handed out before: the kernel's ephemeral choice is random and may repeat
     * a port just returned, and a broker given the same port for client and controller fails to start.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port that this JVM has not handed out already");
    }

    static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}

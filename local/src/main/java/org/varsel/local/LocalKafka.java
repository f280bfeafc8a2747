package org.varsel.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.KafkaLogin;

/**
 * A real Kafka broker (KRaft, combined broker and controller) running in its own JVM: on its own, or one node of a
 * {@link LocalKafkaCluster}.
 */
public final class LocalKafka extends LocalServer implements KafkaBrokers {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final Set<Process> LIVE_BROKERS = ConcurrentHashMap.newKeySet();

    static {
        // Tests that fail half-way never reach close(); a broker must not outlive the JVM that started it.
        Runtime.getRuntime().addShutdownHook(new Thread(LocalKafka::stopAllBrokers, "varsel-local-kafka-reaper"));
    }

    private final int port;
    private final String maxHeap;
    private final Duration startupTimeout;
    private final KafkaLogin superUser;
    private final KafkaBrokerFiles files;
    private Process process;
    private long launchedAt;

    private LocalKafka(Builder builder) {
        super(builder, "varsel-kafka-");
        this.port = builder.port == 0 ? ChildJvm.freePort() : builder.port;
        this.maxHeap = builder.maxHeap;
        this.startupTimeout = builder.startupTimeout;
        this.superUser = builder.superUser;
        this.files = new KafkaBrokerFiles(
                directory,
                HOST,
                port,
                builder.controllerPort == 0 ? ChildJvm.freePort() : builder.controllerPort,
                builder.clusterId,
                builder.superUser,
                List.copyOf(builder.scramUsers),
                Map.copyOf(builder.extraProperties));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the broker (formatting its storage on first start) and waits until it answers; a no-op if running. */
    @Override
    public synchronized LocalKafka start() {
        if (isRunning()) {
            return this;
        }
        launch();
        awaitLaunched();
        return this;
    }

    /**
     * Formats the storage on first start and starts the broker's JVM without waiting for it: the nodes of a quorum
     * answer only once a majority of them runs.
     */
    synchronized void launch() {
        requireOpen("broker");
        launchedAt = System.nanoTime();
        try {
            files.write();
            process = startProcess();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka in " + directory, e);
        }
        LIVE_BROKERS.add(process);
    }

    /** Waits until the broker {@link #launch() launched} last answers. */
    synchronized void awaitLaunched() {
        awaitReady();
        LOG.info(
                "Kafka broker ready at {} in {} ms (data in {})",
                bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedAt),
                directory);
    }

    /** Stops the broker with SIGTERM (a clean shutdown) and waits for it to exit. */
    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        terminate(process, Duration.ofSeconds(60));
        process = null;
    }

    /** Kills the broker like {@code kill -9}: no clean shutdown, logs are recovered on the next start. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        ChildJvm.awaitExit(process, Duration.ofSeconds(30));
        LIVE_BROKERS.remove(process);
        process = null;
    }

    /** Stops the broker cleanly and starts it again on the same ports with the same data. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The broker JVM's process while it runs (to measure its CPU time, for example). */
    public synchronized java.util.Optional<ProcessHandle> processHandle() {
        return process != null && process.isAlive()
                ? java.util.Optional.of(process.toHandle())
                : java.util.Optional.empty();
    }

    @Override
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The super user when the broker takes SCRAM logins; {@link KafkaLogin#none()} otherwise. */
    @Override
    public KafkaLogin adminLogin() {
        return superUser;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return directory;
    }

    /** The broker's stdout, stderr and log4j output, appended across restarts. */
    public Path logFile() {
        return directory.resolve("broker.log");
    }

    @Override
    public String toString() {
        return "LocalKafka[" + bootstrapServers() + ", " + directory + (isRunning() ? ", running]" : ", stopped]");
    }

    private Process startProcess() throws IOException {
        List<String> command = ChildJvm.command(
                directory.resolve("classpath.args"),
                System.getProperty("java.class.path"),
                List.of(
                        "-Xmx" + maxHeap,
                        "-Xms64m",
                        "-XX:+UseSerialGC",
                        "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + files.log4j2().toUri()),
                "kafka.Kafka",
                List.of(files.serverProperties().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        return builder.start();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        Exception lastProblem = null;
        while (System.nanoTime() < deadline) {
            failIfExited();
            if (acceptsConnections()) {
                Admin admin = admin();
                try {
                    KafkaFuture<Collection<Node>> nodes =
                            admin.describeCluster().nodes();
                    // Poll rather than block: a broker that dies meanwhile must fail the start at once.
                    while (!nodes.isDone() && System.nanoTime() < deadline) {
                        failIfExited();
                        sleep(Duration.ofMillis(100));
                    }
                    if (nodes.isDone()) {
                        nodes.get();
                        return;
                    }
                } catch (ExecutionException e) {
                    lastProblem = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", e);
                } finally {
                    admin.close(Duration.ofSeconds(1));
                }
            }
            sleep(Duration.ofMillis(100));
        }
        Process failed = process;
        process = null;
        terminate(failed, Duration.ofSeconds(10));
        StartupTimeoutException timeout = new StartupTimeoutException("Kafka broker at " + bootstrapServers()
                + " did not answer within " + startupTimeout + "; " + logTail());
        if (lastProblem != null) {
            timeout.addSuppressed(lastProblem);
        }
        throw timeout;
    }

    private void failIfExited() {
        if (!process.isAlive()) {
            int exitCode = process.exitValue();
            LIVE_BROKERS.remove(process);
            process = null;
            throw new IllegalStateException("Kafka broker exited with " + exitCode + " while starting; " + logTail());
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        return "last lines of " + logFile() + ":" + System.lineSeparator() + Directories.tail(logFile(), 40);
    }

    private static void terminate(Process process, Duration grace) {
        process.destroy();
        if (!ChildJvm.awaitExit(process, grace)) {
            LOG.warn("Kafka broker pid {} ignored SIGTERM for {}; killing it", process.pid(), grace);
            process.destroyForcibly();
            ChildJvm.awaitExit(process, Duration.ofSeconds(30));
        }
        LIVE_BROKERS.remove(process);
    }

    private static void stopAllBrokers() {
        LIVE_BROKERS.forEach(Process::destroy);
        for (Process process : LIVE_BROKERS) {
            if (!ChildJvm.awaitExit(process, Duration.ofSeconds(15))) {
                process.destroyForcibly();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    /** Settings for a {@link LocalKafka}; every setting has a default that suits a test. */
    public static final class Builder extends LocalServer.Settings<Builder, LocalKafka> {
        private int controllerPort;
        private String maxHeap = "512m";
        private final Map<String, String> extraProperties = new LinkedHashMap<>();
        private String clusterId = Uuid.randomUuid().toString();
        private KafkaLogin superUser = KafkaLogin.none();
        private final List<KafkaLogin> scramUsers = new java.util.ArrayList<>();

        private Builder() {
            super(Duration.ofSeconds(90));
        }

        /**
         * Clients must log in with SCRAM-SHA-512 as one of {@code users} (created when the storage is formatted); only
         * {@code superUser} (one of them) may do what no ACL allows. See {@link KafkaBrokers#grant}.
         */
        public Builder scram(KafkaLogin superUser, Collection<KafkaLogin> users) {
            for (KafkaLogin user : users) {
                // kafka-storage reads name=...,password=... between brackets: other characters would cut it short
                if (!user.username().matches("[A-Za-z0-9._-]+")
                        || !user.password().matches("[A-Za-z0-9_-]{16,}")) {
                    throw new IllegalArgumentException(
                            "SCRAM user " + user.username()
                                    + " needs a name of letters, digits, . _ - and a password of 16 or more of letters, digits, _ -");
                }
            }
            if (!users.contains(superUser)) {
                throw new IllegalArgumentException(
                        "the super user " + superUser.username() + " is not among the SCRAM users");
            }
            this.superUser = superUser;
            this.scramUsers.clear();
            this.scramUsers.addAll(users);
            return this;
        }

        /** The KRaft cluster id its storage is formatted with: the same for every node of a quorum. */
        Builder clusterId(String clusterId) {
            this.clusterId = Objects.requireNonNull(clusterId);
            return this;
        }

        /** The KRaft controller port (default: a free one). */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** The broker JVM's {@code -Xmx} value, e.g. {@code 512m}. */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap);
            return this;
        }

        /** Overrides or adds one line of the broker's {@code server.properties}. */
        public Builder brokerProperty(String key, String value) {
            extraProperties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        public LocalKafka build() {
            return new LocalKafka(this);
        }
    }
}

package org.varsel.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.stream.Collectors;
import kafka.tools.StorageTool;
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
public final class LocalKafka implements KafkaBrokers, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final Set<Process> LIVE_BROKERS = ConcurrentHashMap.newKeySet();

    static {
        // Tests that fail half-way never reach close(); a broker must not outlive the JVM that started it.
        Runtime.getRuntime().addShutdownHook(new Thread(LocalKafka::stopAllBrokers, "varsel-local-kafka-reaper"));
    }

    private final Path directory;
    private final boolean deleteOnClose;
    private final int port;
    private final int controllerPort;
    private final String maxHeap;
    private final Duration startupTimeout;
    private final Map<String, String> extraProperties;
    private final String clusterId;
    private final KafkaLogin superUser;
    private final List<KafkaLogin> scramUsers;
    private Process process;
    private long launchedAt;
    private boolean closed;

    private LocalKafka(Builder builder) {
        this.deleteOnClose = builder.dataDirectory == null;
        this.directory = deleteOnClose
                ? Directories.createTemp(builder.baseDirectory, "varsel-kafka-")
                : builder.dataDirectory.toAbsolutePath();
        this.port = builder.port == 0 ? ChildJvm.freePort() : builder.port;
        this.controllerPort = builder.controllerPort == 0 ? ChildJvm.freePort() : builder.controllerPort;
        this.maxHeap = builder.maxHeap;
        this.startupTimeout = builder.startupTimeout;
        this.extraProperties = Map.copyOf(builder.extraProperties);
        this.clusterId = builder.clusterId;
        this.superUser = builder.superUser;
        this.scramUsers = List.copyOf(builder.scramUsers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the broker (formatting its storage on first start) and waits until it answers; a no-op if running. */
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
        if (closed) {
            throw new IllegalStateException("broker at " + directory + " is closed");
        }
        launchedAt = System.nanoTime();
        try {
            Files.createDirectories(directory);
            writeConfiguration();
            if (!Files.exists(logDirectory().resolve("meta.properties"))) {
                formatStorage();
            }
            process = startProcess();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka in " + directory, e);
        }
        LIVE_BROKERS.add(process);
    }

    /** Waits until the broker {@link #launch() launched} last answers. */
    synchronized void awaitLaunched() {
        awaitReady();
        LOG.info("Kafka broker ready at {} in {} ms (data in {})",
                bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedAt), directory);
    }

    /** Stops the broker with SIGTERM (a clean shutdown) and waits for it to exit. */
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
        return process != null && process.isAlive() ? java.util.Optional.of(process.toHandle()) : java.util.Optional.empty();
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

    /** Stops the broker and, unless it was given a persistent data directory, deletes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (deleteOnClose) {
            Directories.deleteRecursively(directory);
        }
    }

    @Override
    public String toString() {
        return "LocalKafka[" + bootstrapServers() + ", " + directory + (isRunning() ? ", running]" : ", stopped]");
    }

    private Path logDirectory() {
        return directory.resolve("kraft-logs");
    }

    private Path serverProperties() {
        return directory.resolve("server.properties");
    }

    private void writeConfiguration() throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        config.put("log.dirs", logDirectory().toString());
        config.put("num.partitions", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        // Fewer internal partitions: the first consumer group and the first transaction start noticeably faster.
        config.put("offsets.topic.num.partitions", "4");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "4");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // After a kill -9 the controller refuses the new broker incarnation until the old session expires (9 s).
        config.put("broker.session.timeout.ms", "4000");
        config.put("broker.heartbeat.interval.ms", "1000");
        // Flink's KafkaSink with EXACTLY_ONCE asks for a one-hour transaction timeout; the default cap is 15 min.
        config.put("transaction.max.timeout.ms", "3600000");
        // Topics are part of the contract: a typo in a topic name must fail, not create a new topic.
        config.put("auto.create.topics.enable", "false");
        // The default 128 MiB dedupe buffer would take a quarter of the small broker heap.
        config.put("log.cleaner.dedupe.buffer.size", "16777216");
        config.put("num.io.threads", "4");
        config.put("num.network.threads", "2");
        if (superUser.authenticates()) {
            config.putAll(scramConfiguration());
        }
        config.putAll(extraProperties);
        String text = config.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        // It holds the super user's password when SCRAM is on.
        Directories.writeOwnerOnly(serverProperties(), text);
        Files.writeString(directory.resolve("log4j2.xml"), BROKER_LOG4J2);
    }

    /**
     * Clients log in with SCRAM-SHA-512 on the client listener, which brokers also use between themselves as the super
     * user; the controller listener takes PLAIN (SCRAM credentials live in the metadata the controllers serve, so they
     * cannot guard it). The StandardAuthorizer refuses whatever no ACL allows.
     */
    private Map<String, String> scramConfiguration() {
        String scram = "SCRAM-SHA-512";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listeners", "CLIENT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", "CLIENT://" + HOST + ":" + port);
        config.put("inter.broker.listener.name", "CLIENT");
        config.put("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT");
        config.put("sasl.enabled.mechanisms", scram);
        config.put("sasl.mechanism.inter.broker.protocol", scram);
        config.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                KafkaLogin.scram(superUser.username(), superUser.password()).securityProperties().get("sasl.jaas.config"));
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        String plain = new KafkaLogin("SASL_PLAINTEXT", "PLAIN", superUser.username(), superUser.password())
                .securityProperties().get("sasl.jaas.config");
        config.put("listener.name.controller.plain.sasl.jaas.config", plain.substring(0, plain.length() - 1)
                + " user_" + superUser.username() + "=\"" + superUser.password() + "\";");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + superUser.username());
        config.put("allow.everyone.if.no.acl.found", "false");
        return config;
    }

    private void formatStorage() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> command = new java.util.ArrayList<>(List.of("format", "-t", clusterId, "-c", serverProperties().toString()));
        if (superUser.authenticates()) {
            for (KafkaLogin user : scramUsers) {
                command.add("--add-scram");
                command.add("SCRAM-SHA-512=[name=" + user.username() + ",password=" + user.password() + "]");
            }
        }
        String[] args = command.toArray(String[]::new);
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // In-process: the tool is a pure function of its arguments and a second JVM costs seconds.
            exitCode = StorageTool.execute(args, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("kafka-storage format of " + directory + " failed: "
                    + output.toString(StandardCharsets.UTF_8), e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("kafka-storage format of " + directory + " exited with " + exitCode
                    + ": " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private Process startProcess() throws IOException {
        List<String> command = ChildJvm.command(
                directory.resolve("classpath.args"),
                System.getProperty("java.class.path"),
                List.of("-Xmx" + maxHeap, "-Xms64m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.xml").toUri()),
                "kafka.Kafka",
                List.of(serverProperties().toString()));
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
                    KafkaFuture<Collection<Node>> nodes = admin.describeCluster().nodes();
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
        IllegalStateException timeout = new IllegalStateException("Kafka broker at " + bootstrapServers()
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

    private static final String BROKER_LOG4J2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Configuration status="WARN">
              <Appenders>
                <Console name="out" target="SYSTEM_OUT">
                  <PatternLayout pattern="%d{HH:mm:ss.SSS} %-5level %c{1} - %msg%n"/>
                </Console>
              </Appenders>
              <Loggers>
                <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                <Logger name="kafka.Kafka" level="INFO"/>
                <Root level="WARN"><AppenderRef ref="out"/></Root>
              </Loggers>
            </Configuration>
            """;

    /** Settings for a {@link LocalKafka}; every setting has a default that suits a test. */
    public static final class Builder {
        private Path baseDirectory = Directories.defaultBase();
        private Path dataDirectory;
        private int port;
        private int controllerPort;
        private String maxHeap = "512m";
        private Duration startupTimeout = Duration.ofSeconds(90);
        private final Map<String, String> extraProperties = new LinkedHashMap<>();
        private String clusterId = Uuid.randomUuid().toString();
        private KafkaLogin superUser = KafkaLogin.none();
        private final List<KafkaLogin> scramUsers = new java.util.ArrayList<>();

        private Builder() {
        }

        /**
         * Clients must log in with SCRAM-SHA-512 as one of {@code users} (created when the storage is formatted); only
         * {@code superUser} (one of them) may do what no ACL allows. See {@link KafkaBrokers#grant}.
         */
        public Builder scram(KafkaLogin superUser, Collection<KafkaLogin> users) {
            for (KafkaLogin user : users) {
                // kafka-storage reads name=...,password=... between brackets: other characters would cut it short
                if (!user.username().matches("[A-Za-z0-9._-]+") || !user.password().matches("[A-Za-z0-9_-]{16,}")) {
                    throw new IllegalArgumentException("SCRAM user " + user.username()
                            + " needs a name of letters, digits, . _ - and a password of 16 or more of letters, digits, _ -");
                }
            }
            if (!users.contains(superUser)) {
                throw new IllegalArgumentException("the super user " + superUser.username() + " is not among the SCRAM users");
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

        /** Where the temporary data directory is created (default {@code java.io.tmpdir}); deleted on close. */
        public Builder baseDirectory(Path baseDirectory) {
            this.baseDirectory = baseDirectory.toAbsolutePath();
            return this;
        }

        /** A persistent data directory (for the demo): reused if formatted, kept on close. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory);
            return this;
        }

        /** The client port (default: a free one). */
        public Builder port(int port) {
            this.port = port;
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

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return this;
        }

        /** Overrides or adds one line of the broker's {@code server.properties}. */
        public Builder brokerProperty(String key, String value) {
            extraProperties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public LocalKafka build() {
            return new LocalKafka(this);
        }

        /** Builds the broker and starts it. */
        public LocalKafka start() {
            LocalKafka kafka = build();
            try {
                return kafka.start();
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
        }
    }
}

package org.varsel.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kafka.tools.StorageTool;
import org.varsel.contract.KafkaLogin;

/**
 * The files a {@link LocalKafka} broker runs from, in its directory: {@code server.properties} (one KRaft node, broker
 * and controller, sized for a test or the demo), {@code log4j2.xml}, and the storage, formatted on first start.
 */
record KafkaBrokerFiles(
        Path directory,
        String host,
        int port,
        int controllerPort,
        String clusterId,
        KafkaLogin superUser,
        List<KafkaLogin> scramUsers,
        Map<String, String> extraProperties) {

    /** Writes the configuration and formats the storage unless it was formatted before. */
    void write() throws IOException {
        Files.createDirectories(directory);
        writeConfiguration();
        if (!Files.exists(logDirectory().resolve("meta.properties"))) {
            formatStorage();
        }
    }

    Path serverProperties() {
        return directory.resolve("server.properties");
    }

    Path log4j2() {
        return directory.resolve("log4j2.xml");
    }

    private Path logDirectory() {
        return directory.resolve("kraft-logs");
    }

    private void writeConfiguration() throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
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
        Files.writeString(log4j2(), BROKER_LOG4J2);
    }

    /**
     * Clients log in with SCRAM-SHA-512 on the client listener, which brokers also use between themselves as the super
     * user; the controller listener takes PLAIN (SCRAM credentials live in the metadata the controllers serve, so they
     * cannot guard it). The StandardAuthorizer refuses whatever no ACL allows.
     */
    private Map<String, String> scramConfiguration() {
        String scram = "SCRAM-SHA-512";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listeners", "CLIENT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        config.put("advertised.listeners", "CLIENT://" + host + ":" + port);
        config.put("inter.broker.listener.name", "CLIENT");
        config.put("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT");
        config.put("sasl.enabled.mechanisms", scram);
        config.put("sasl.mechanism.inter.broker.protocol", scram);
        config.put(
                "listener.name.client.scram-sha-512.sasl.jaas.config",
                KafkaLogin.scram(superUser.username(), superUser.password())
                        .securityProperties()
                        .get("sasl.jaas.config"));
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        String plain = new KafkaLogin("SASL_PLAINTEXT", "PLAIN", superUser.username(), superUser.password())
                .securityProperties()
                .get("sasl.jaas.config");
        config.put(
                "listener.name.controller.plain.sasl.jaas.config",
                plain.substring(0, plain.length() - 1) + " user_" + superUser.username() + "=\"" + superUser.password()
                        + "\";");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + superUser.username());
        config.put("allow.everyone.if.no.acl.found", "false");
        return config;
    }

    private void formatStorage() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> command = new java.util.ArrayList<>(
                List.of("format", "-t", clusterId, "-c", serverProperties().toString()));
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
            throw new IllegalStateException(
                    "kafka-storage format of " + directory + " failed: " + output.toString(StandardCharsets.UTF_8), e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("kafka-storage format of " + directory + " exited with " + exitCode + ": "
                    + output.toString(StandardCharsets.UTF_8));
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
}

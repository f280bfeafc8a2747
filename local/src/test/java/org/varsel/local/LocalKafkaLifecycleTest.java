package org.varsel.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaLifecycleTest {

    @RegisterExtension
    static final KafkaBrokerExtension BROKER = KafkaBrokerExtension.dedicated();

    @Test
    void dataSurvivesABrokerRestart() throws Exception {
        LocalKafka kafka = BROKER.kafka();
        kafka.createTopics(1, "incidents.restart");
        KafkaClients.send(kafka, "incidents.restart", "before restart");
        String bootstrap = kafka.bootstrapServers();

        kafka.restart();

        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
        KafkaClients.send(kafka, "incidents.restart", "after restart");
        assertThat(KafkaClients.readFromStart(kafka, "incidents.restart", "read_committed", 2, Duration.ofSeconds(30)))
                .containsExactly("before restart", "after restart");
    }

    @Test
    void brokerComesBackAfterKill9OnTheSamePort() throws Exception {
        LocalKafka kafka = BROKER.kafka();
        kafka.createTopics(1, "incidents.kill");
        KafkaClients.send(kafka, "incidents.kill", "acknowledged before the kill");
        String bootstrap = kafka.bootstrapServers();

        kafka.kill();
        assertThat(kafka.isRunning()).isFalse();
        kafka.start();

        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(KafkaClients.readFromStart(kafka, "incidents.kill", "read_committed", 1, Duration.ofSeconds(30)))
                .containsExactly("acknowledged before the kill");
    }

    @Test
    void aBrokerThatCannotStartExplainsWhyWithItsOwnLog(@TempDir Path base) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LocalKafka.Builder builder =
                    LocalKafka.builder().baseDirectory(base).port(taken.getLocalPort());

            assertThatThrownBy(builder::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("broker.log")
                    .hasMessageContaining("Address already in use");
        }
        try (var left = Files.list(base)) {
            assertThat(left).as("a failed start cleans up after itself").isEmpty();
        }
    }

    @Test
    void closeStopsTheBrokerAndDeletesItsData(@TempDir Path base) {
        LocalKafka kafka = LocalKafka.builder().baseDirectory(base).start();
        Path data = kafka.dataDirectory();
        long pid = ProcessHandle.current()
                .descendants()
                .filter(process -> process.info()
                        .arguments()
                        .map(args -> String.join(" ", args))
                        .orElse("")
                        .contains(data.toString()))
                .findFirst()
                .orElseThrow()
                .pid();

        kafka.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("broker process")
                .isEmpty();
        assertThat(data).doesNotExist();
    }

    @Test
    void aBrokerDoesNotOutliveTheJvmThatStartedItEvenAfterKill9(@TempDir Path base) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process owner = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BrokerOwner.class.getName(),
                        base.toString())
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("owner.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!Files.readString(base.resolve("owner.log")).contains("ready") && System.nanoTime() < deadline) {
                assertThat(owner.isAlive())
                        .as("owner JVM alive; its log: %s", base.resolve("owner.log"))
                        .isTrue();
                Thread.sleep(100);
            }
            ProcessHandle broker = owner.descendants().findFirst().orElseThrow();

            owner.destroyForcibly().waitFor();

            assertThat(broker.onExit()).succeedsWithin(Duration.ofSeconds(30));
        } finally {
            owner.destroyForcibly();
        }
    }
}

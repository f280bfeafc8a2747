package org.varsel.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * Real Kafka brokers, each in its own JVM and each a KRaft controller too, replicating as production does:
 * replication factor 3 for every topic (internal ones included) and {@code min.insync.replicas} 2, so one node can be
 * killed and the others carry on.
 */
public final class LocalKafkaCluster implements KafkaBrokers, AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /**
     * How long each node may take to answer: a guard against a hung start, not a check. Three JVMs starting at once on
     * a loaded box are slow (load 80: past a single broker's 90 s, so the quorum never formed in time).
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private final List<LocalKafka> brokers;

    private LocalKafkaCluster(List<LocalKafka> brokers) {
        this.brokers = List.copyOf(brokers);
    }

    /** Starts three nodes and waits until every one of them is registered with the quorum. */
    public static LocalKafkaCluster start() {
        return start(3, "384m");
    }

    /** Starts {@code size} nodes (at least 3) with the given broker heap each and waits until all are registered. */
    public static LocalKafkaCluster start(int size, String maxHeap) {
        if (size < 3) {
            throw new IllegalArgumentException(
                    "a cluster that survives a lost node needs 3 nodes or more, not " + size);
        }
        List<Integer> controllerPorts =
                IntStream.range(0, size).mapToObj(i -> ChildJvm.freePort()).toList();
        String voters = IntStream.range(0, size)
                .mapToObj(i -> (i + 1) + "@" + HOST + ":" + controllerPorts.get(i))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<LocalKafka> brokers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            brokers.add(LocalKafka.builder()
                    .clusterId(clusterId)
                    .controllerPort(controllerPorts.get(i))
                    .maxHeap(maxHeap)
                    .startupTimeout(STARTUP_TIMEOUT)
                    .brokerProperty("node.id", Integer.toString(i + 1))
                    .brokerProperty("controller.quorum.voters", voters)
                    .brokerProperty("default.replication.factor", "3")
                    .brokerProperty("min.insync.replicas", "2")
                    .brokerProperty("offsets.topic.replication.factor", "3")
                    .brokerProperty("transaction.state.log.replication.factor", "3")
                    .brokerProperty("transaction.state.log.min.isr", "2")
                    .brokerProperty("share.coordinator.state.topic.replication.factor", "3")
                    .brokerProperty("share.coordinator.state.topic.min.isr", "2")
                    .build());
        }
        LocalKafkaCluster cluster = new LocalKafkaCluster(brokers);
        try {
            // All at once: a node answers only when a majority of the quorum runs.
            brokers.forEach(LocalKafka::launch);
            brokers.forEach(LocalKafka::awaitLaunched);
            cluster.awaitRegistered(size);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The nodes in the order of their node ids (1, 2, 3, ...). */
    public List<LocalKafka> brokers() {
        return brokers;
    }

    /** The node with this KRaft node id. */
    public LocalKafka broker(int nodeId) {
        return brokers.get(nodeId - 1);
    }

    /** Every node's address: clients still find the cluster when one of them is down. */
    @Override
    public String bootstrapServers() {
        return brokers.stream().map(LocalKafka::bootstrapServers).collect(Collectors.joining(","));
    }

    /** Kills every node and deletes its data. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (LocalKafka broker : brokers) {
            try {
                // Not SIGTERM: once the others are gone, the last node waits a minute for a quorum to shut down with.
                broker.kill();
                broker.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "LocalKafkaCluster" + brokers;
    }

    private void awaitRegistered(int size) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        int registered = 0;
        // Topics with replication factor 3 can be created only once three brokers are registered and unfenced.
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                registered = admin.describeCluster()
                        .nodes()
                        .get(10, TimeUnit.SECONDS)
                        .size();
                if (registered >= size) {
                    return;
                }
            } catch (Exception notYet) {
                // a node still joining; ask again
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Kafka cluster", e);
            }
        }
        throw new IllegalStateException(
                registered + " of " + size + " Kafka brokers registered within " + READY_TIMEOUT + ": " + this);
    }
}

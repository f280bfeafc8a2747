package org.varsel.pipeline.io;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * The start-up check that every topic the job reads or writes exists. Brokers do not create topics for the job (and
 * must not: a typo would become a new topic), so a missing one would otherwise surface as a failing sink at the first
 * record that goes there, and a job restarting every minute.
 */
public final class RequiredTopics {
    private static final long TIMEOUT_SECONDS = 60;

    private static final Duration SETTLE = Duration.ofSeconds(10);

    private RequiredTopics() {}

    /** Throws naming every missing topic, after giving topics created a moment ago a few seconds to show up. */
    public static void check(PipelineSettings settings) {
        Properties config = settings.kafkaClientProperties();
        config.put(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                Long.toString(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
        List<String> missing;
        long deadline = System.nanoTime() + SETTLE.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                missing = settings.topics().stream()
                        .filter(topic -> !existing.contains(topic))
                        .toList();
                if (missing.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(250); // a topic created a moment ago may not be in every broker's metadata yet
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot list the Kafka topics at " + settings.kafkaBootstrap() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the Kafka topics", e);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "missing Kafka topics at " + settings.kafkaBootstrap() + ": " + String.join(", ", missing)
                            + "; create every topic the job reads or writes before starting it (deploy/k8s/kafka-topics.yaml, docs/operations.md)");
        }
    }
}

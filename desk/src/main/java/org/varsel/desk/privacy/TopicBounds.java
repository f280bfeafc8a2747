package org.varsel.desk.privacy;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.varsel.contract.KafkaLogin;

/**
 * How long each Kafka topic can keep a record, read from the broker: a record leaves with its whole segment, which
 * must first roll ({@code segment.ms}) and then outlive {@code retention.ms}. No bound when nothing deletes: infinite
 * retention, or compaction alone (a record stays until a newer one for its key).
 */
final class TopicBounds {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TopicBounds() {}

    /** A topic's bound: at most this long after a record was written, or empty (never); and why, for the register. */
    record Bound(Optional<Duration> atMost, String detail) {}

    /** The bounds of those {@code topics} that exist on the broker. */
    static Map<String, Bound> read(String bootstrap, KafkaLogin login, Collection<String> topics) throws Exception {
        Properties properties = login.clientProperties(bootstrap);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "desk-erasure-recheck");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<ConfigResource> resources = topics.stream()
                    .filter(existing::contains)
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                    .toList();
            Map<String, Bound> bounds = new HashMap<>();
            admin.describeConfigs(resources)
                    .all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((resource, config) -> bounds.put(resource.name(), bound(config)));
            return bounds;
        }
    }

    private static Bound bound(Config config) {
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        long retention =
                Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
        long segment = Long.parseLong(config.get(TopicConfig.SEGMENT_MS_CONFIG).value());
        String settings = "cleanup.policy=" + policy + ", retention.ms=" + retention + ", segment.ms=" + segment;
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_DELETE) || retention < 0) {
            return new Bound(
                    Optional.empty(),
                    settings + ": nothing deletes old records; delete them by hand or set a retention");
        }
        return new Bound(Optional.of(Duration.ofMillis(retention + segment)), settings);
    }
}

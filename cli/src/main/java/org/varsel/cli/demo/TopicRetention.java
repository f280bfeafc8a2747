package org.varsel.cli.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.varsel.contract.Topics;

/**
 * The retention of deploy/k8s/kafka-topics.yaml on the demo's broker too (docs/privacy.md): personal data in
 * topics ages out the same way on a laptop as in the cluster.
 */
final class TopicRetention {
    private TopicRetention() {}

    static final Map<String, Map<String, String>> CONFIG = Map.of(
            Topics.SIGNALS_RAW, Map.of("retention.ms", "604800000"),
            Topics.SIGNALS_DLQ, Map.of("retention.ms", "2592000000"),
            Topics.INCIDENTS, Map.of("cleanup.policy", "compact,delete", "retention.ms", "7776000000"),
            Topics.FEEDBACK, Map.of("retention.ms", "7776000000"));

    static void apply(Admin admin, Collection<String> topics) throws Exception {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String topic : topics) {
            Map<String, String> config = CONFIG.get(topic);
            if (config != null) {
                List<AlterConfigOp> ops = new ArrayList<>();
                config.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops);
            }
        }
        admin.incrementalAlterConfigs(changes).all().get(60, TimeUnit.SECONDS);
    }
}

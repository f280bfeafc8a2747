package org.varsel.local;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.varsel.contract.KafkaAccess;

/** The Kafka ACLs (allow rules, from any host) that grant one principal its {@link KafkaAccess}. */
public final class KafkaAcls {

    private KafkaAcls() {
    }

    public static List<AclBinding> bindings(KafkaAccess access) {
        String principal = "User:" + access.user();
        List<AclBinding> bindings = new ArrayList<>();
        for (String topic : access.reads()) {
            bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
        }
        for (String topic : access.writes()) {
            bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
        }
        for (String topic : access.describes()) {
            bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        for (String group : access.groupPrefixes()) {
            bindings.add(allow(principal, ResourceType.GROUP, group, PatternType.PREFIXED, AclOperation.READ));
        }
        for (String group : access.describedGroups()) {
            bindings.add(allow(principal, ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        for (String prefix : access.transactionalIdPrefixes()) {
            bindings.add(allow(principal, ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED, AclOperation.WRITE));
            bindings.add(allow(principal, ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED, AclOperation.DESCRIBE));
        }
        if (!access.writes().isEmpty()) {
            // idempotent producers (acks=all, the default) ask for the producer id on the cluster resource
            bindings.add(allow(principal, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.IDEMPOTENT_WRITE));
        }
        return bindings;
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}

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

    private KafkaAcls() {}

    public static List<AclBinding> bindings(KafkaAccess access) {
        String principal = "User:" + access.user();
        List<AclBinding> bindings = new ArrayList<>();
        allow(bindings, principal, ResourceType.TOPIC, access.reads(), PatternType.LITERAL, AclOperation.READ);
        allow(bindings, principal, ResourceType.TOPIC, access.writes(), PatternType.LITERAL, AclOperation.WRITE);
        allow(bindings, principal, ResourceType.TOPIC, access.describes(), PatternType.LITERAL, AclOperation.DESCRIBE);
        allow(
                bindings,
                principal,
                ResourceType.TOPIC,
                access.configReads(),
                PatternType.LITERAL,
                AclOperation.DESCRIBE_CONFIGS);
        allow(bindings, principal, ResourceType.GROUP, access.groupPrefixes(), PatternType.PREFIXED, AclOperation.READ);
        allow(
                bindings,
                principal,
                ResourceType.GROUP,
                access.describedGroups(),
                PatternType.LITERAL,
                AclOperation.DESCRIBE);
        allow(
                bindings,
                principal,
                ResourceType.TRANSACTIONAL_ID,
                access.transactionalIdPrefixes(),
                PatternType.PREFIXED,
                AclOperation.WRITE,
                AclOperation.DESCRIBE);
        if (!access.writes().isEmpty()) {
            // idempotent producers (acks=all, the default) ask for the producer id on the cluster resource
            allow(
                    bindings,
                    principal,
                    ResourceType.CLUSTER,
                    List.of("kafka-cluster"),
                    PatternType.LITERAL,
                    AclOperation.IDEMPOTENT_WRITE);
        }
        return bindings;
    }

    private static void allow(
            List<AclBinding> bindings,
            String principal,
            ResourceType type,
            List<String> names,
            PatternType pattern,
            AclOperation... operations) {
        for (String name : names) {
            for (AclOperation operation : operations) {
                bindings.add(new AclBinding(
                        new ResourcePattern(type, name, pattern),
                        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
            }
        }
    }
}

package org.varsel.local;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.TopicExistsException;
import org.varsel.contract.KafkaAccess;
import org.varsel.contract.KafkaLogin;

/** Kafka brokers a test or the demo talks to: one {@link LocalKafka} or a {@link LocalKafkaCluster}. */
public interface KafkaBrokers {

    /** The value for the clients' {@code bootstrap.servers}; stable across restarts. */
    String bootstrapServers();

    /** How an administrator logs in: the super user on brokers that take SCRAM logins. */
    default KafkaLogin adminLogin() {
        return KafkaLogin.none();
    }

    /** A new admin client for these brokers, logged in as {@link #adminLogin()}; the caller closes it. */
    default Admin admin() {
        Properties properties = adminLogin().clientProperties(bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return Admin.create(properties);
    }

    /** Creates the ACLs that allow each principal what its {@link KafkaAccess} says (and nothing else is allowed). */
    default void grant(Collection<KafkaAccess> accesses) {
        List<AclBinding> bindings = accesses.stream()
                .flatMap(access -> KafkaAcls.bindings(access).stream())
                .toList();
        try (Admin admin = admin()) {
            admin.createAcls(bindings).all().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating ACLs", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot create the ACLs of "
                            + accesses.stream().map(KafkaAccess::user).toList(),
                    e);
        }
    }

    /**
     * Creates the topics with the brokers' default replication factor (1 on one broker, 3 on a cluster); topics that
     * already exist are left as they are.
     */
    default void createTopics(int partitions, String... names) {
        List<NewTopic> topics = Arrays.stream(names)
                .map(name -> new NewTopic(name, Optional.of(partitions), Optional.empty()))
                .toList();
        try (Admin admin = admin()) {
            for (Map.Entry<String, KafkaFuture<Void>> created :
                    admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + created.getKey(), e.getCause());
                    }
                }
            }
            // The controller answers once the topic is in its log; the broker a client asks next may learn of it a
            // moment later (longer on a loaded machine): wait until it lists every one.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(Arrays.asList(names))) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("topics created but not listed");
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot list topics after creating " + Arrays.toString(names), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + Arrays.toString(names), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topics " + Arrays.toString(names), e);
        }
    }

    /**
     * True when the consumer group's committed offsets reach the topic's end on every partition: a Flink job whose
     * source commits its offsets when a checkpoint completes has then checkpointed past everything the topic held. A
     * partition the group committed nothing on counts as read up to offset 0: Flink's Kafka source commits only the
     * partitions it has read a record of, so an empty one is never committed.
     */
    default boolean groupReadToTheEnd(String group, String topic) {
        return ask("the offsets of " + group + " on " + topic, admin -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> end =
                    admin.listOffsets(latestOffsetsOf(admin, topic)).all().get(30, TimeUnit.SECONDS);
            return end.entrySet().stream()
                    .allMatch(e ->
                            readUpTo(committed.get(e.getKey())) >= e.getValue().offset());
        });
    }

    /**
     * True when every record written to the topics before the call is committed or aborted: on each partition the
     * last stable offset (where read_committed readers stop) has reached the end the partition had when asked. A
     * transaction still open on one of them holds its partition's stable offset back.
     */
    default boolean noTransactionOpenOn(String... topics) {
        return ask("the offsets of " + Arrays.toString(topics), admin -> {
            Map<TopicPartition, OffsetSpec> latest = latestOffsetsOf(admin, topics);
            Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(
                            latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> stable = admin.listOffsets(
                            latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            return latest.keySet().stream()
                    .allMatch(p -> stable.get(p).offset() >= end.get(p).offset());
        });
    }

    /** What a new admin client answers; a broker that does not answer (within 30 s) is an IllegalStateException. */
    private <T> T ask(String what, AdminQuestion<T> question) {
        try (Admin admin = admin()) {
            return question.askedOf(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + what, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out reading " + what, e);
        }
    }

    /** A question to the brokers' admin API, answered within the caller's time limits. */
    interface AdminQuestion<T> {
        T askedOf(Admin admin) throws ExecutionException, InterruptedException, TimeoutException;
    }

    private static long readUpTo(OffsetAndMetadata committed) {
        return committed == null ? 0 : committed.offset();
    }

    /** The latest offset of every partition of the topics, to ask {@link Admin#listOffsets} for. */
    private static Map<TopicPartition, OffsetSpec> latestOffsetsOf(Admin admin, String... topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        admin.describeTopics(Arrays.asList(topics))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        return latest;
    }
}

package org.varsel.local;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
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
}

package org.varsel.desk.kafka;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.varsel.contract.KafkaLogin;

/** The settings of every desk producer: nothing lost, nothing written twice, and a bounded wait. */
public final class DurableProducer {
    private DurableProducer() {}

    /**
     * Acknowledged by all in-sync replicas, idempotent, and giving up within the caller's bounds rather than the client's
     * defaults (60 s to block, 120 s to deliver), so that a caller waiting on the desk gets an answer.
     *
     * @param requestTimeout how long to wait for metadata or a buffer ({@code max.block.ms}) and for one request
     * @param deliveryTimeout how long a record may take to be acknowledged, retries included
     */
    public static Properties properties(
            String bootstrapServers,
            KafkaLogin login,
            String clientId,
            Duration requestTimeout,
            Duration deliveryTimeout) {
        Properties properties = login.clientProperties(bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(requestTimeout.toMillis()));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(requestTimeout.toMillis()));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(deliveryTimeout.toMillis()));
        return properties;
    }
}

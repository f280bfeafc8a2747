package org.varsel.desk.kafka;

import org.varsel.contract.KafkaLogin;

/**
 * Where and as whom a desk topic consumer reads, and its consumer group: the desk's group, or one of its own named by a
 * suffix of the desk's group.
 */
public record ConsumerGroup(String bootstrapServers, KafkaLogin login, String id) {

    /** A group of its own for one consumer: this group's id and the suffix ({@code "-hotline"}). */
    public ConsumerGroup suffixed(String suffix) {
        return new ConsumerGroup(bootstrapServers, login, id + suffix);
    }
}

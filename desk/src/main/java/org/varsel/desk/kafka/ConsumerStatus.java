package org.varsel.desk.kafka;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a topic consumer is doing, for health checks.
 *
 * @param lag records on the topic not yet taken, summed over the assigned partitions; empty before the first fetch
 * @param waitingForDatabase true while stores fail and the consumer backs off
 */
public record ConsumerStatus(Optional<Instant> lastPoll, OptionalLong lag, boolean waitingForDatabase) {}

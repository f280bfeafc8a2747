package org.varsel.pipeline.io;

import java.time.Instant;
import org.varsel.contract.DeadLetter;

/**
 * A record of {@code varsel.signals.raw} before any parsing: the sender's bytes and where they came from.
 * {@code source} is null when the record lacks the header (only intake may write to the topic).
 */
public record RawSignal(byte[] value, String source, Instant receivedAt, String topic, int partition, long offset) {

    public DeadLetter deadLetter(String reason, Instant failedAt) {
        return new DeadLetter(reason, source, topic, partition, offset, failedAt, value);
    }
}

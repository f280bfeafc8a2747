package org.varsel.pipeline.io;

import java.time.Instant;
import org.varsel.contract.DeadLetter;

/** A record of {@code varsel.feedback} before parsing: the desk's bytes and where they came from. */
public record FeedbackRecord(byte[] json, String topic, int partition, long offset) {

    public DeadLetter deadLetter(String reason, Instant failedAt) {
        return new DeadLetter(reason, "desk", topic, partition, offset, failedAt, json);
    }
}

package org.varsel.pipeline.operators;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalCodec;

/**
 * Dead letters for an accepted signal that a later step could not process: one text must never fail the job, whose
 * restart would replay the same record and fail again. Its Kafka position is gone by then, so the letter carries the
 * signal as signal.v1 JSON (already pseudonymised; a CSAM-labelled signal never gets this far) and the failure.
 */
final class SignalDeadLetters {

    private SignalDeadLetters() {}

    /** The letter for {@code signal}, whose {@code step} threw {@code failure}. */
    static DeadLetter of(Signal signal, String step, RuntimeException failure) {
        return new DeadLetter(
                step + " failed, the signal goes no further: " + failure,
                signal.source(),
                null,
                null,
                null,
                Instant.now(),
                SignalCodec.toJson(signal).toString().getBytes(StandardCharsets.UTF_8));
    }
}

package org.varsel.pipeline.operators;

import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Signal;

/**
 * What a per-signal step does when it throws on one signal: logs the failure, counts it and gives the signal's dead
 * letter ({@link SignalDeadLetters}), so that the operator can put it out and take the next signal. One text must never
 * fail the job, whose restart would replay the same signal into the same failure.
 */
final class SignalGuard {
    private static final Logger LOG = LoggerFactory.getLogger(SignalGuard.class);

    private final String step;
    private final Counter failures;

    /** {@code step}: what failed, as the letter's reason names it; {@code failures}: the operator's metric. */
    SignalGuard(String step, Counter failures) {
        this.step = step;
        this.failures = failures;
    }

    /** The letter for {@code signal}, whose step threw {@code failure}; logged and counted. */
    DeadLetter deadLetter(Signal signal, RuntimeException failure) {
        LOG.error("{} of signal {} failed; dead-lettered", step, signal.id(), failure);
        failures.inc();
        return SignalDeadLetters.of(signal, step, failure);
    }
}

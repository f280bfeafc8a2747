package org.varsel.pipeline.operators;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Signal;

/**
 * What a per-signal step does when it throws on one signal: logs the failure, counts it and puts out the signal's dead
 * letter ({@link SignalDeadLetters}) on the operator's side output instead of the step's result, so that the operator
 * takes the next signal. One text must never fail the job, whose restart would replay the same signal into the same
 * failure.
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

    /**
     * Puts out what the step gives for {@code signal}, or, when it throws, the signal's letter to {@code deadLetters}
     * and nothing of the step's: the step's result is whole before the first record of it leaves, so that a step that
     * gives several records gives all or none, and a failure downstream of {@code out} is not taken for the step's.
     */
    <T> void emit(Signal signal, Supplier<T> step, Consumer<T> out, Consumer<DeadLetter> deadLetters) {
        T result;
        try {
            result = step.get();
        } catch (RuntimeException failure) {
            deadLetters.accept(deadLetter(signal, failure));
            return;
        }
        out.accept(result);
    }

    /** The letter for {@code signal}, whose step threw {@code failure}; logged and counted. */
    private DeadLetter deadLetter(Signal signal, RuntimeException failure) {
        LOG.error("{} of signal {} failed; dead-lettered", step, signal.id(), failure);
        failures.inc();
        return SignalDeadLetters.of(signal, step, failure);
    }
}

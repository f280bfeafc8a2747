package org.varsel.contract;

/** What became of a raw signal: accepted as a {@link Signal}, or rejected with a reason a person can act on. */
public sealed interface ParseOutcome {
    record Accepted(Signal signal) implements ParseOutcome {}

    record Rejected(String reason) implements ParseOutcome {}
}

package org.varsel.desk.cases;

import java.time.Instant;
import java.util.Optional;
import org.varsel.desk.brief.store.ResponseAction;

/**
 * What happened in one step of a case: a notice sent (with its brief) or an answer of the platform.
 *
 * @param happenedAt when the notice went out or the platform answered
 */
public record CaseStep(
        CaseStatus status,
        Optional<ResponseAction> outcome,
        Optional<String> briefId,
        Optional<String> note,
        Instant happenedAt) {

    /** The brief went to the platform. */
    static CaseStep sent(String briefId, Instant at) {
        return new CaseStep(CaseStatus.SENT, Optional.empty(), Optional.of(briefId), Optional.empty(), at);
    }

    /** The platform answered. */
    static CaseStep answer(
            CaseStatus status, Optional<ResponseAction> outcome, Optional<String> note, Instant happenedAt) {
        return new CaseStep(status, outcome, Optional.empty(), note, happenedAt);
    }
}

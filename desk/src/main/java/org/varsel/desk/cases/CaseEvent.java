package org.varsel.desk.cases;

import java.time.Instant;
import java.util.Optional;
import org.varsel.desk.brief.store.ResponseAction;

/**
 * One step in a case's history: a notice sent (with its brief) or an answer of the platform.
 *
 * @param happenedAt when the notice went out or the platform answered; {@code recordedAt} is when the desk heard
 */
public record CaseEvent(
        long id,
        String caseId,
        CaseStatus status,
        Optional<ResponseAction> outcome,
        Optional<String> briefId,
        Optional<String> note,
        Instant happenedAt,
        String recordedBy,
        Instant recordedAt) {}

package org.varsel.desk.cases;

import java.time.Instant;

/**
 * One step in a case's history as the desk recorded it.
 *
 * @param recordedAt when the desk heard; {@code step.happenedAt()} is when the notice went out or the platform answered
 */
public record CaseEvent(long id, String caseId, CaseStep step, String recordedBy, Instant recordedAt) {}

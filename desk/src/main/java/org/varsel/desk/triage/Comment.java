package org.varsel.desk.triage;

import java.time.Instant;

/** An analyst's note on an incident; the pipeline never touches comments. */
public record Comment(long id, String incidentId, String author, String body, Instant createdAt) {}

package org.varsel.desk.triage;

import java.time.Instant;

/** A pipeline version of an incident as the desk stored it (for the incident's history). */
public record Revision(long version, String tier, int severity, int signalCount, Instant storedAt) {}

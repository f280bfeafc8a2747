package org.varsel.pipeline.io;

/** A record of {@code varsel.rules}: a rule pack as JSON, with where it came from (for a dead letter if it is refused). */
public record RulePackUpdate(byte[] json, String topic, int partition, long offset) {}

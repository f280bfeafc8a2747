package org.varsel.pipeline.feedback;

/** A rule matched a signal, as a live rule or as a shadow rule: what a rule's hit counts are made of. */
public record RuleSighting(String ruleId, boolean shadow) {}

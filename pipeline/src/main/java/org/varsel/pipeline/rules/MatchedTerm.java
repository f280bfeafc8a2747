package org.varsel.pipeline.rules;

/**
 * A span of the signal's text that made a rule match: {@code text.substring(start, end)}, with
 * offsets in UTF-16 code units (Java and JavaScript string indices).
 */
public record MatchedTerm(String text, int start, int end) {}

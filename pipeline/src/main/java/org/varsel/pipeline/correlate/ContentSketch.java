package org.varsel.pipeline.correlate;

/** A text's MinHash signature and its content key (the smallest hash): what near-duplicates share. */
public record ContentSketch(String key, long[] signature) {}

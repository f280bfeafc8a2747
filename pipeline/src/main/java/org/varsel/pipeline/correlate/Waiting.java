package org.varsel.pipeline.correlate;

import org.varsel.pipeline.analysis.AnalysedSignal;

/**
 * A signal kept until its group (a cluster of similar posts, a time bucket) opens an incident or is dropped. The signal
 * is the compact form detectors keep ({@link CorrelationKeys#compact}).
 */
public record Waiting(long group, AnalysedSignal signal) {}

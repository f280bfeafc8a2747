/**
 * Correlating analysed signals into incidents, free of Flink: text normalisation and MinHash, rolling baselines,
 * the detectors' per-key logic, the incident accumulator, severity and the explanation. The Flink operators in
 * {@link org.varsel.pipeline.incident} only hold the state and the timers.
 */
package org.varsel.pipeline.correlate;

/**
 * The Flink operators that turn analysed signals into incidents: thin wrappers that hold keyed state and timers
 * around the Flink-free detectors of {@link org.varsel.pipeline.correlate}.
 */
package org.varsel.pipeline.incident;

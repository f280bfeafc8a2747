/**
 * The Flink functions of the topology ({@link org.varsel.pipeline.VarselPipeline}), one per step: parse and validate
 * (bad input becomes a dead letter), pseudonymise, drop replays, enrich, match rules, and the keyed operators with
 * state and timers around the Flink-free detectors ({@link org.varsel.pipeline.correlate}), campaigns and feedback.
 * Domain logic lives in the Flink-free packages; an operator here holds state, timers and side outputs and delegates.
 */
package org.varsel.pipeline.operators;

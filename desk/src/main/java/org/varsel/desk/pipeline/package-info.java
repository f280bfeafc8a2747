/**
 * The pipeline as the desk sees it from outside, for {@code /healthz}, the desk's status block and partners' signal
 * statuses: the job's state and restarts (Flink's REST API), the raw topic's consumer lag and the pipeline's committed
 * offsets (Kafka), and when the desk last stored an incident update.
 */
package org.varsel.desk.pipeline;

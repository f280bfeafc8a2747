/**
 * What the job is told: every key once ({@link org.varsel.pipeline.settings.PipelineKeys}) and the typed
 * {@link org.varsel.pipeline.settings.PipelineSettings}, read by the project's one settings reader. Apart from the
 * root package so that {@code io} can read its topics without reaching up to the topology.
 */
package org.varsel.pipeline.settings;

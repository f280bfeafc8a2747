/** The Varsel Flink job: {@link org.varsel.pipeline.VarselPipeline} is the whole topology, top to bottom. */
package org.varsel.pipeline;

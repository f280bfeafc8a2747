/** Kafka in and out of the pipeline: raw signals with their headers, incident updates and dead letters as bytes. */
package org.varsel.pipeline.io;

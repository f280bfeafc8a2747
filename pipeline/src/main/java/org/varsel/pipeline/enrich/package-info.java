/** The single entry point that enriches a signal text with language, extracted entities and category. */
package org.varsel.pipeline.enrich;

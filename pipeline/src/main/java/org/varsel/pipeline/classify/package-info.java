/** Hateful/offensive/neutral document categorisation: the model, its training and its evaluation. */
package org.varsel.pipeline.classify;

/** Turning signals into incidents an analyst can act on, each with the explanation of why it was flagged. */
package org.varsel.pipeline.incident;

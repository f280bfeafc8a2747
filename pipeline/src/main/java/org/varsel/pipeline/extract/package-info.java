/** Extraction of canonical URLs, platforms, hashtags, mentions and handles from signal text. */
package org.varsel.pipeline.extract;

/**
 * Data protection in the pipeline: author handles of accounts that are not public are replaced by keyed hashes
 * (pseudonyms) right after parsing, so that no state, topic or desk downstream holds the clear handle. See
 * docs/privacy.md.
 */
package org.varsel.pipeline.privacy;

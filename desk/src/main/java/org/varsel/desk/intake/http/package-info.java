/**
 * The intake endpoints: one signal, bulk JSONL/CSV, STIX bundles, and a partner's view of what became of its signals;
 * rate-limited per partner, with field-level errors in the problem body.
 */
package org.varsel.desk.intake.http;

/**
 * Signal intake: partners' signals (one, bulk JSONL/CSV, STIX) and feeds' items into {@code varsel.signals.raw},
 * validated with the contract's codec, made idempotent by a receipt per (source, external id), acknowledged only
 * after Kafka has the record; and what became of each signal (dead-lettered, part of an incident).
 */
package org.varsel.desk.intake;

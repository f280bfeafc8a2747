/**
 * Signal intake: partners' signals (one, bulk JSONL/CSV) and feeds' items into {@code varsel.signals.raw}, validated
 * with the contract's codec, made idempotent by a receipt per (source, external id), acknowledged only after Kafka has
 * the record; and what became of each signal (dead-lettered, part of an incident). Inside: {@code feed} (RSS/Atom,
 * drop folders), {@code stix} (STIX 2.1 bundles) and {@code http} (the intake endpoints); the desk wires them.
 */
package org.varsel.desk.intake;

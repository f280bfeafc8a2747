/**
 * STIX 2.1 bundles in: {@code report}, {@code observed-data}, {@code indicator} and {@code note} objects become
 * signals, with their TLP markings and the DISARM techniques ({@code attack-pattern}) they refer to; everything else
 * is reported as skipped, with the reason.
 */
package org.varsel.desk.intake.stix;

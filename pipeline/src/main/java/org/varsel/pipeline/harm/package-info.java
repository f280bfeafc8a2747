/**
 * How harmful one signal reads from its active rule matches: the effective rule severity, the lowest tier its rules
 * set, and why (docs/incidents.md, "Severity and tier"). Flink-free; correlation and the functional evaluation read it.
 */
package org.varsel.pipeline.harm;

/**
 * Child safety at the desk (docs/child-safety.md): the hotline track for signals labelled CSAM (URL and metadata
 * only, consumed from {@code varsel.hotline}, exported as CSV for the national hotline) and per-platform statistics
 * of child-safety incidents.
 */
package org.varsel.desk.childsafety;

/**
 * The analysts' triage workflow: status transitions, assignment, comments, the audit log, verdicts fed back to
 * detection on {@code varsel.feedback}, and the queue's filters and full-text search.
 */
package org.varsel.desk.triage;

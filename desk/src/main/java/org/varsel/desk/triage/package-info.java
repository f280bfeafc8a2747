/**
 * The analysts' triage workflow: status transitions, assignment, comments, verdicts fed back to detection on
 * {@code varsel.feedback}, rule precision (from {@code varsel.rules.precision}), partner views, and the queue's
 * filters and full-text search. Its JSON API is in {@code triage.http}.
 */
package org.varsel.desk.triage;

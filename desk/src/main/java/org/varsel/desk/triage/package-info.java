/**
 * The analysts' triage workflow: status transitions, assignment, comments, verdicts fed back to detection on
 * {@code varsel.feedback}, rule precision (from {@code varsel.rules.precision}) and partner views; the queue it works
 * from (filters, full-text search) is read in {@code incident}. Its JSON API is in {@code triage.http}.
 */
package org.varsel.desk.triage;

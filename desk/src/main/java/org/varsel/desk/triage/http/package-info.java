/**
 * The triage API: the queue and incidents (a partner sees only its own part), status, assignment, comments, history,
 * bulk actions, rule precision and training data; a refused triage action becomes a {@link
 * org.varsel.desk.http.Problem} in {@link org.varsel.desk.triage.http.Refusals}, for the API and the pages alike.
 */
package org.varsel.desk.triage.http;

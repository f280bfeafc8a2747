/**
 * The incident queue in PostgreSQL: the consumer that takes incident updates from {@code varsel.incidents} (decoded,
 * idempotent upserts; whatever cannot be taken kept in {@code rejected_message} with its reason and bytes), the store,
 * and the queries analysts and partners read (the queue with its filters and search: {@code QueueStore}; the period
 * report's counts and top incidents: {@code IncidentReportQueries}). Every statement on the {@code incident} table is
 * here; other areas only join it (docs/architecture.md, "One SQL home per table"). "Incident" means here what it means
 * in the pipeline: the versioned record on {@code varsel.incidents}.
 */
package org.varsel.desk.incident;

/** The incident queue in PostgreSQL: idempotent upserts of pipeline updates and the queries analysts and partners read. */
package org.varsel.desk.incident;

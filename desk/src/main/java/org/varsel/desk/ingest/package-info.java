/**
 * Takes incident updates from {@code varsel.incidents} into the queue: committed records only, stored before their
 * offsets are committed, and whatever cannot be taken kept in {@code rejected_message} with the reason.
 */
package org.varsel.desk.ingest;

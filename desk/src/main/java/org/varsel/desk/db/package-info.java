/** The desk's PostgreSQL database: the connection pool, the Flyway migrations and transactions. */
package org.varsel.desk.db;

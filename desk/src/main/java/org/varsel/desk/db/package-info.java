/**
 * The desk's PostgreSQL database: the connection pool, the Flyway migrations, transactions, and {@link
 * org.varsel.desk.db.ClusterSingleton}, through which every scheduled job runs once across desk replicas.
 */
package org.varsel.desk.db;

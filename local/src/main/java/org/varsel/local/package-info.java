/** A real local stack (Kafka broker, PostgreSQL) for the tests of every module and for {@code ./varsel demo}. */
package org.varsel.local;

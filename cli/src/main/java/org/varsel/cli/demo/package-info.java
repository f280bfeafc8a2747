/** The whole system on one machine: broker, pipeline, database and desk, started and stopped as one. */
package org.varsel.cli.demo;

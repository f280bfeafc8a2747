/** The desk service: {@link org.varsel.desk.Desk} wires the database, the incident consumer and the HTTP API. */
package org.varsel.desk;

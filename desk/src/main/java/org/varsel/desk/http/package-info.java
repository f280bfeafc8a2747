/** The desk's HTTP API (Javalin): health, the incident list and detail; every error as RFC 9457 problem+json. */
package org.varsel.desk.http;

/** The desk's settings: one record, read from a properties file with environment overrides. */
package org.varsel.desk.config;

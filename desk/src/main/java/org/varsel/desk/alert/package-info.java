/**
 * Threat-to-life alerts: the database raises one when an incident reaches the tier; analysts see a banner until
 * they acknowledge it, and a configured webhook gets a JSON POST, retried with backoff, each attempt recorded.
 */
package org.varsel.desk.alert;

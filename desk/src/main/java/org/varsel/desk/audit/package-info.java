/**
 * The audit log: every state change an analyst, lead, partner or job makes (who, what, before and after), written in
 * the same transaction as the change, and read by leads as JSON or CSV.
 */
package org.varsel.desk.audit;

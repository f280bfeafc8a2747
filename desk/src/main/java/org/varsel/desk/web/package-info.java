/**
 * The analyst desk's own pages, server-rendered (Pebble templates, escaped by default): sign-in and sign-out with
 * login throttling, the queue, an incident (evidence, timeline and campaign-network SVGs, triage forms), the audit log
 * and rule precision. Other areas' pages (child safety, cases, the period report) live with their areas and share the
 * renderer in {@code http}.
 */
package org.varsel.desk.web;

/**
 * The analyst desk on the web: browser sessions with CSRF tokens, the server-rendered queue and incident pages
 * (Pebble templates, escaped by default), and the triage API that mirrors them.
 */
package org.varsel.desk.web;

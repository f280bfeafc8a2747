/** The brief endpoints ({@code /api/v1/incidents/{id}/brief}, {@code /api/v1/briefs/...}, the transparency report). */
package org.varsel.desk.brief.http;

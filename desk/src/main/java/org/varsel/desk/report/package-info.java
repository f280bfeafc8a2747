/**
 * The period report: incidents of any period by category, platform, language, target group and tier per day or week,
 * the top incidents, and the notices sent to platforms, as a desk page with SVG charts, CSV and PDF. docs/desk.md.
 */
package org.varsel.desk.report;

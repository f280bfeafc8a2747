/** Where briefs are recorded (tables {@code brief}, {@code brief_response}) and what the platforms answered. */
package org.varsel.desk.brief.store;

/** Retention: the scheduled purge of what the desk stores once its period has ended (docs/privacy.md). */
package org.varsel.desk.retention;

/**
 * Cases: the notices sent to one platform about one incident, the platform's answers (acknowledged, actioned,
 * appealed, closed) with their history, and the desk's scheduled re-check of every reported URL. docs/briefs.md.
 */
package org.varsel.desk.cases;

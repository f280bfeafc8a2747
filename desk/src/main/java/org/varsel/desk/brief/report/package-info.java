/** The transparency report: notices per platform and category, what the platforms did and how fast; no personal data. */
package org.varsel.desk.brief.report;

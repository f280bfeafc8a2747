/**
 * Escalation briefs: what the desk sends a platform (a DSA Art. 16 notice or a terms-of-service report) or a partner,
 * composed so that it carries only what its audience may see under TLP 2.0, with personal data redacted.
 */
package org.varsel.desk.brief;

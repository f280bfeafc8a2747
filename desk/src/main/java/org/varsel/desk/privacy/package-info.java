/** Erasure of a person's data from what the desk stores (docs/privacy.md; {@code ./varsel privacy erase}). */
package org.varsel.desk.privacy;

/** The partner registry: organisations that send signals, and their API tokens (stored hashed, revocable). */
package org.varsel.desk.partner;

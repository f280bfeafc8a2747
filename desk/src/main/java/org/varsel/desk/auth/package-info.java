/**
 * Who is calling: API tokens (stored only as SHA-256), user passwords (PBKDF2), and the {@link
 * org.varsel.desk.auth.Principal} a request acts as.
 */
package org.varsel.desk.auth;

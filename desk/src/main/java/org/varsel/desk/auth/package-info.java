/**
 * Who is calling: API tokens (stored only as SHA-256), user passwords (PBKDF2), browser sessions (with their CSRF
 * tokens), and the {@link org.varsel.desk.auth.Principal} a request acts as.
 */
package org.varsel.desk.auth;

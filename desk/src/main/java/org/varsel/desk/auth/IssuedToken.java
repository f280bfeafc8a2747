package org.varsel.desk.auth;

/**
 * A token just created, shown to its owner this once; the desk keeps only its hash. {@link #toString()} hides it.
 */
public record IssuedToken(String token, Principal principal) {
    @Override
    public String toString() {
        return "IssuedToken[" + ApiTokens.PREFIX + "…, " + principal + "]";
    }
}

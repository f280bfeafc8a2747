package org.varsel.desk.triage;

/** A triage action that cannot be done; {@link #kind()} says whose fault it is (the web layer maps it to HTTP). */
public final class TriageException extends Exception {
    /** Why the action was refused. */
    public enum Kind {
        /** No such incident, or the caller may not see it. */
        NOT_FOUND,
        /** Malformed input: missing reason, unknown user, empty comment. */
        INVALID,
        /** The caller's role may not do this. */
        FORBIDDEN,
        /** Not allowed from the incident's current state. */
        CONFLICT
    }

    private final Kind kind;

    public TriageException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

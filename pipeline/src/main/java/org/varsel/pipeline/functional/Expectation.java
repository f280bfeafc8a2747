package org.varsel.pipeline.functional;

import java.util.Locale;

/** What the flagging path should do with a case: flag it, or leave it alone (a non-hateful contrast). */
public enum Expectation {
    FLAG,
    NOT;

    /** As in the suite files: {@code flag}, {@code not}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

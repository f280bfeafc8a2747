package org.varsel.pipeline.functional;

import java.util.Locale;

/** Half of every functionality's templates: tune detection on {@code dev}, only report {@code test}. */
public enum Split {
    DEV,
    TEST;

    /** As in the suite files: {@code dev}, {@code test}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

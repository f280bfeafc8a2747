package org.varsel.pipeline.rules;

import java.nio.file.Path;

/** Something wrong (or risky, for a warning) in a rule file, at a file and 1-based line. */
public record RuleProblem(Path file, int line, Level level, String message) {

    /** Errors stop a pack from going live; warnings are printed and let it pass. */
    public enum Level {
        ERROR,
        WARNING
    }

    static RuleProblem error(Path file, int line, String message) {
        return new RuleProblem(file, line, Level.ERROR, message);
    }

    static RuleProblem warning(Path file, int line, String message) {
        return new RuleProblem(file, line, Level.WARNING, message);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** {@code file:line: message}, or {@code file:line: warning: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (isError() ? "" : "warning: ") + message;
    }
}

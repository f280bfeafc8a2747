package org.varsel.pipeline.nlp;

import java.util.Objects;

/**
 * A language as a BCP-47 primary tag ({@code en}, {@code da}, {@code und}), or {@code und} with the script when only
 * that is known ({@code und-Mymr}), with a confidence in [0, 1].
 *
 * <p>For detected languages the confidence is the margin over the runner-up, {@code 1 - second/top};
 * a trusted hint has confidence 1 and {@code und} has confidence 0.
 */
public record LanguageGuess(String language, double confidence) {

    /** The text is too short, too mixed or has no letters. */
    public static final LanguageGuess UNDETERMINED = new LanguageGuess("und", 0.0);

    public LanguageGuess {
        Objects.requireNonNull(language, "language");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }

    /** An undetermined language in a known script: {@code und-Mymr}. */
    public static LanguageGuess ofScript(String script) {
        return new LanguageGuess(UNDETERMINED.language + "-" + script, 0.0);
    }

    /** Whether the language is known ({@code und} and {@code und-Mymr} are not). */
    public boolean isDetermined() {
        return !language.startsWith(UNDETERMINED.language);
    }
}

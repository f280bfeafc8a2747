package org.varsel.pipeline.functional;

import java.util.Objects;
import java.util.Optional;
import org.varsel.contract.Tier;

/**
 * One case of the functional suite.
 *
 * @param minTier the least urgent tier an incident opened by this case alone should have, where it matters
 * @param template the template the case was expanded from; the split follows it
 * @param target the target group or person id, {@code -} for cases without one
 */
public record FunctionalCase(
        String id,
        String language,
        String functionality,
        Expectation expected,
        Optional<Tier> minTier,
        Split split,
        String template,
        String target,
        String text) {

    public FunctionalCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(functionality, "functionality");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(minTier, "minTier");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(text, "text");
    }
}

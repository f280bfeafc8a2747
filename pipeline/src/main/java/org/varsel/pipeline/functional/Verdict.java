package org.varsel.pipeline.functional;

import java.util.List;
import java.util.Optional;
import org.varsel.contract.Tier;

/**
 * What the flagging path made of one text.
 *
 * @param language the detected language ({@code und} when undetermined)
 * @param category the classifier's top category
 * @param hateful the classifier's hateful + threat score
 * @param ruleIds the active rules that matched
 * @param flagged the classifier said hateful or threat, or a rule matched
 * @param aloneTier the tier of the incident this one signal opens by itself, empty when it opens none
 */
public record Verdict(
        String language,
        String category,
        double hateful,
        List<String> ruleIds,
        boolean flagged,
        Optional<Tier> aloneTier) {

    public Verdict {
        ruleIds = List.copyOf(ruleIds);
    }

    public boolean opensIncidentAlone() {
        return aloneTier.isPresent();
    }

    /** The incident it opens alone is at least as urgent as {@code minimum} (tiers are declared most urgent first). */
    public boolean reaches(Tier minimum) {
        return aloneTier.map(t -> t.ordinal() <= minimum.ordinal()).orElse(false);
    }
}

package org.varsel.pipeline.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The model's top category and its probability for every category. */
public record Classification(Category category, double threat, double hateful, double offensive, double neutral) {

    /** The scores by label, in the order threat, hateful, offensive, neutral. */
    public Map<String, Double> scores() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(Category.THREAT.label(), threat);
        scores.put(Category.HATEFUL.label(), hateful);
        scores.put(Category.OFFENSIVE.label(), offensive);
        scores.put(Category.NEUTRAL.label(), neutral);
        return Collections.unmodifiableMap(scores);
    }

    public double score(Category c) {
        return switch (c) {
            case THREAT -> threat;
            case HATEFUL -> hateful;
            case OFFENSIVE -> offensive;
            case NEUTRAL -> neutral;
        };
    }
}

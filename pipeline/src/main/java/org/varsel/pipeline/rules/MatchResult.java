package org.varsel.pipeline.rules;

import java.util.List;

/**
 * The hits of one signal: {@code hits} from active rules, {@code shadowHits} from rules that are
 * evaluated for measurement only and must not raise alerts.
 */
public record MatchResult(List<RuleHit> hits, List<RuleHit> shadowHits) {

    public static final MatchResult NONE = new MatchResult(List.of(), List.of());

    public MatchResult {
        hits = List.copyOf(hits);
        shadowHits = List.copyOf(shadowHits);
    }

    /** True when neither active nor shadow rules matched. */
    public boolean isEmpty() {
        return hits.isEmpty() && shadowHits.isEmpty();
    }
}

package org.varsel.pipeline.io;

import java.time.Instant;
import java.util.List;

/** A shadow rule's hit: counted and kept (topic varsel.rules.shadow-hits) to judge the rule, never flagged. */
public record ShadowHit(
        String signalId,
        String source,
        Instant observedAt,
        String ruleId,
        String packVersion,
        List<String> matchedTerms) {}

package org.varsel.bench;

import java.util.List;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.rules.Rule;
import org.varsel.pipeline.rules.RuleLanguage;
import org.varsel.pipeline.rules.RuleStatus;

/** A rule a benchmark makes up: any language, category incitement, TLP green, owned by bench, no examples. */
final class BenchRule {
    private BenchRule() {}

    static Rule of(
            String id,
            String title,
            String description,
            String query,
            List<String> tags,
            int severity,
            RuleStatus status) {
        return new Rule(
                id,
                title,
                description,
                query,
                List.of(RuleLanguage.ANY),
                "incitement",
                tags,
                severity,
                Tlp.GREEN,
                status,
                "bench",
                List.of(),
                null);
    }
}

package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.ParseOutcome;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalCodec;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.SignalMatcher;
import org.varsel.pipeline.correlate.SingleSignals;
import org.varsel.pipeline.enrich.TextEnricher;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.settings.PipelineSettings;

/** The latency phase times every probe: each opens one single-signal incident, and the watcher must see it. */
class BenchProbeTest {
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void everyProbeIsSeenInTheIncidentItOpensAlsoWhenItsTextIsGraveEnoughForHighSeverity(@TempDir Path work)
            throws Exception {
        Path home = Path.of(System.getProperty("varsel.home", "..")).toAbsolutePath();
        BenchWorkload workload = new BenchWorkload(BenchWorkload.findIra(home), 100_000);
        RuleEngine rules =
                RuleEngine.build(BundledRules.fromDirectory(new BenchCommand().rulesDirectory(home, work, workload)));
        SingleSignals single =
                SingleSignals.from(PipelineSettings.defaultSettings().correlation());
        TextEnricher enricher = new TextEnricher();

        int grave = 0;
        for (int i = 0; i < 150; i++) {
            String id = "probe-p2-" + i;
            Signal signal =
                    ((ParseOutcome.Accepted) SignalCodec.parse(workload.probe(id, AT), "bench:probe", AT)).signal();
            AnalysedSignal enriched = AnalysedSignal.enriched(
                    signal, enricher.enrich(signal.text(), Optional.ofNullable(signal.language())));
            AnalysedSignal analysed = SignalMatcher.withActiveHits(enriched, SignalMatcher.match(rules, enriched));
            Incident incident = single.incident(analysed).orElseThrow();
            grave += incident.kind() == IncidentKind.HIGH_SEVERITY ? 1 : 0;
            assertThat(LatencyPhase.probeSightings(incident))
                    .as("the incident of %s (%s)", id, incident.kind())
                    .containsExactly(id);
        }
        assertThat(grave)
                .as("probes whose random text a rule or the classifier finds grave, of 150")
                .isBetween(1, 149);
    }
}

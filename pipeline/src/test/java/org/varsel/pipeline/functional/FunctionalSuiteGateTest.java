package org.varsel.pipeline.functional;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build gate: the functional suite through the shipped flagging path (bundled classifier, bundled rule pack,
 * default single-signal thresholds) must keep every functionality at or above its floor in data/functional/floors.yaml
 * (contrasts at or below it). Raise a floor there when detection improves.
 */
class FunctionalSuiteGateTest {
    static final Path SUITE = Path.of("..", "data", "functional");

    private static SuiteEvaluation evaluation;

    @BeforeAll
    static void judgeTheSuite() {
        try (FlaggingPath path = FlaggingPath.bundled()) {
            evaluation = SuiteEvaluation.run(FunctionalSuite.read(SUITE), path, line -> {});
        }
    }

    @AfterAll
    static void release() {
        evaluation = null;
    }

    @Test
    void everyFunctionalityMeetsItsFloorInEveryLanguage() {
        assertThat(evaluation.breaches(SuiteFloors.read(SUITE.resolve(SuiteFloors.FILE))))
                .as("functionalities below their floor (data/functional/floors.yaml; docs/model-evaluation.md)")
                .isEmpty();
    }

    @Test
    void theGateFailsWhenAFunctionalityFallsBelowItsFloor() {
        SuiteFloors floors = SuiteFloors.read(SUITE.resolve(SuiteFloors.FILE));
        Map<String, Map<String, Double>> raised = new LinkedHashMap<>(floors.floors());
        raised.put("threat_direct", Map.of("en", 1.0, "da", 1.0));
        raised.put("counter_quote", Map.of("en", 0.0, "da", 0.0));

        assertThat(evaluation.breaches(new SuiteFloors(raised)))
                .anyMatch(b -> b.startsWith("threat_direct en: flag rate") && b.endsWith("is below its floor 1.00"))
                .anyMatch(b -> b.startsWith("counter_quote en: flag rate") && b.contains("above its ceiling 0.00"));
    }

    @Test
    void aFunctionalityWithoutAFloorFailsTheGate() {
        SuiteFloors floors = SuiteFloors.read(SUITE.resolve(SuiteFloors.FILE));
        Map<String, Map<String, Double>> missing = new LinkedHashMap<>(floors.floors());
        missing.remove("slur");

        assertThat(evaluation.breaches(new SuiteFloors(missing)))
                .containsExactlyInAnyOrder(
                        "slur en: no floor in floors.yaml (measured flag rate "
                                + String.format(
                                        Locale.ROOT,
                                        "%.2f",
                                        evaluation
                                                .tally("slur", "en", Optional.empty())
                                                .flagRate())
                                + ")",
                        "slur da: no floor in floors.yaml (measured flag rate "
                                + String.format(
                                        Locale.ROOT,
                                        "%.2f",
                                        evaluation
                                                .tally("slur", "da", Optional.empty())
                                                .flagRate())
                                + ")");
    }
}

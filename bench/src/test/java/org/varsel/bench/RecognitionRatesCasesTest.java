package org.varsel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.bench.RecognitionRates.CasesFile;
import org.varsel.bench.RecognitionRates.EvaluationSet;
import org.varsel.bench.RecognitionRates.Reading;
import org.varsel.contract.Tier;

class RecognitionRatesCasesTest {
    private static final String HEADER = "id\tsubtask_a\tlabel\treason\ttext\n";
    // written for this test in the hand-labelled DKHate layout: a threat and a comment that only shares its words
    private static final String LABELLED = HEADER
            + "1\tOFF\tthreat\tfirst person\tjeg kommer og tæsker dig i aften\n"
            + "2\tOFF\tnone\tshares the words\ttæsk dem i fodbold på søndag\n";
    private static final Reading FLAGGED =
            new Reading("da", true, Optional.of(Tier.HIGH), Optional.of(Tier.HIGH), List.of("dsl-da-threat"));

    @Test
    void writesNoTextOfTheDanishTestHalfNotEvenTheFlagsOfItsGuard(@TempDir Path dir) throws IOException {
        Offered offered = offerAllAsFlagged(RecognitionRates.handLabelledDkHate(labelled(dir), true));

        assertThat(offered.written()).containsExactly(false, false);
        assertThat(offered.file())
                .doesNotContain("tæsker dig", "tæsk dem", "dkhate:1", "dkhate:2")
                .startsWith(
                        "# withheld (rates only, no text written): " + "dkhate-threat-test, dkhate-none-test-guard");
    }

    @Test
    void writesTheDanishDevHalfCaseByCaseAndWithholdsNothing(@TempDir Path dir) throws IOException {
        Map<String, EvaluationSet> sets = RecognitionRates.handLabelledDkHate(labelled(dir), false);

        Offered offered = offerAllAsFlagged(sets);

        assertThat(sets).containsOnlyKeys("dkhate-threat-dev", "dkhate-none-dev-guard");
        assertThat(offered.written()).containsExactly(true, true);
        assertThat(offered.file())
                .startsWith("# withheld (rates only, no text written): \n")
                .contains("dkhate:1\tda\ttrue\thigh\thigh\tdsl-da-threat\tjeg kommer og tæsker dig i aften")
                .contains("tæsk dem i fodbold på søndag");
    }

    @Test
    void oneTextFromATestSplitWithholdsTheSetItJoins() {
        Map<String, EvaluationSet> sets = new LinkedHashMap<>();
        RecognitionRates.add(sets, "mixed-guard", false, new String[] {"m:1", "a text of a training split"});
        RecognitionRates.add(sets, "mixed-guard", true, new String[] {"m:2", "a text of a test split"});
        RecognitionRates.add(sets, "lcc-da-guard", false, new String[] {"lcc:1", "a text of no split"});

        assertThat(RecognitionRates.withheld(sets)).containsExactly("mixed-guard");
        assertThat(sets.get("mixed-guard").texts()).hasSize(2);
    }

    @Test
    void withholdsAnOutsideSetNamedTestWhateverItsRoleAndNamesEveryTestSetAsWithheld(@TempDir Path dir)
            throws IOException {
        Path outside = Files.writeString(
                dir.resolve("outside.tsv"),
                "a-1\tedos-threat-test\tthreat\tone text\n"
                        + "b-1\tedos-not-sexist-test-guard\tnone\tanother text\n"
                        + "c-1\tlcc-da-guard\tnone\ta third text\n"
                        + "d-1\tgab-call-for-violence\tthreat\ta fourth text\n",
                StandardCharsets.UTF_8);
        Map<String, EvaluationSet> sets = new LinkedHashMap<>();

        RecognitionRates.addOutside(outside, sets);

        assertThat(RecognitionRates.withheld(sets))
                .containsExactly("edos-threat-test", "edos-not-sexist-test-guard", "gab-call-for-violence");
        assertThat(sets.get("edos-not-sexist-test-guard").fromTestSplit()).isTrue();
        assertThat(sets.get("lcc-da-guard").fromTestSplit()).isFalse();
        assertThat(sets.get("gab-call-for-violence").fromTestSplit()).isFalse();
    }

    /** What a cases file holds after every text of the sets is offered to it as flagged, and which it took. */
    private record Offered(String file, List<Boolean> written) {}

    private static Offered offerAllAsFlagged(Map<String, EvaluationSet> sets) {
        StringWriter out = new StringWriter();
        List<Boolean> written = new ArrayList<>();
        try (CasesFile cases = new CasesFile(out, sets)) {
            for (EvaluationSet set : sets.values()) {
                for (String[] text : set.texts()) {
                    written.add(cases.write(set, text, FLAGGED));
                }
            }
        }
        return new Offered(out.toString(), written);
    }

    private static Path labelled(Path dir) throws IOException {
        return Files.writeString(dir.resolve("labelled.tsv"), LABELLED, StandardCharsets.UTF_8);
    }
}

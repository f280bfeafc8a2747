package org.varsel.pipeline.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.contract.Tier;

class FunctionalSuiteTest {
    private static final String HEADER = String.join("\t", FunctionalSuite.COLUMNS) + "\n";
    private static final FunctionalSuite SUITE = FunctionalSuite.read(FunctionalSuiteGateTest.SUITE);

    @TempDir
    Path dir;

    @Test
    void holdsAtLeast1500CasesAThirdOfThemDanish() {
        assertThat(SUITE.cases()).hasSizeGreaterThanOrEqualTo(1500);
        assertThat(SUITE.cases().stream().filter(c -> c.language().equals("da")).count() * 3)
                .isGreaterThanOrEqualTo(SUITE.cases().size());
        assertThat(SUITE.languages()).containsExactly("en", "da");
    }

    @Test
    void coversTheFunctionalitiesOfTheIssueInBothLanguages() {
        Set<String> required = Set.of(
                "threat_direct",
                "threat_normative",
                "incitement_time_place",
                "dehumanisation_vermin",
                "dehumanisation_disease",
                "dehumanisation_animal",
                "dehumanisation_filth",
                "derogation",
                "slur",
                "glorification",
                "obfuscation_leet",
                "obfuscation_spaces_added",
                "obfuscation_spaces_removed",
                "obfuscation_swapped_letters",
                "obfuscation_dropped_letter",
                "obfuscation_homoglyphs",
                "negation_hateful",
                "question_hateful",
                "opinion_hateful",
                "threat_person",
                "counter_quote",
                "counter_condemn",
                "news_violence",
                "neutral_group",
                "positive_group",
                "negation_contrast",
                "profanity_untargeted",
                "violence_objects",
                "reclaimed_slur");
        for (String language : SUITE.languages()) {
            assertThat(SUITE.cases().stream()
                            .filter(c -> c.language().equals(language))
                            .map(FunctionalCase::functionality))
                    .as(language)
                    .containsAll(required);
        }
    }

    @Test
    void splitsEveryFunctionalityByTemplateIntoDevAndTestInEveryLanguage() {
        Map<String, Set<Split>> splits = SUITE.cases().stream()
                .collect(Collectors.groupingBy(
                        c -> c.language() + " " + c.functionality(),
                        Collectors.mapping(FunctionalCase::split, Collectors.toSet())));
        assertThat(splits)
                .allSatisfy((key, found) -> assertThat(found).as(key).containsExactlyInAnyOrder(Split.DEV, Split.TEST));
        Map<String, Set<Split>> perTemplate = SUITE.cases().stream()
                .collect(Collectors.groupingBy(
                        FunctionalCase::template, Collectors.mapping(FunctionalCase::split, Collectors.toSet())));
        assertThat(perTemplate)
                .allSatisfy((template, found) -> assertThat(found).as(template).hasSize(1));
    }

    @Test
    void callsToViolenceWithTimeAndPlaceExpectThreatToLife() {
        assertThat(SUITE.cases().stream().filter(c -> c.functionality().equals("incitement_time_place")))
                .allSatisfy(c -> assertThat(c.minTier()).contains(Tier.THREAT_TO_LIFE));
    }

    @Test
    void readsACaseWithItsExpectationTierAndSplit() throws IOException {
        Files.writeString(
                dir.resolve("suite-en.tsv"),
                HEADER + "en-x-01-jews\ten\tthreat_normative\tflag\thigh\tdev\ten-x-01\tjews\tJews should be shot.\n");

        FunctionalCase c = FunctionalSuite.read(dir).cases().get(0);

        assertThat(c)
                .isEqualTo(new FunctionalCase(
                        "en-x-01-jews",
                        "en",
                        "threat_normative",
                        Expectation.FLAG,
                        Optional.of(Tier.HIGH),
                        Split.DEV,
                        "en-x-01",
                        "jews",
                        "Jews should be shot."));
    }

    @Test
    void refusesAMalformedLineWithFileAndLine() throws IOException {
        Files.writeString(
                dir.resolve("suite-da.tsv"),
                HEADER
                        + "da-a-01\tda\tslur\tflag\t-\tdev\tda-slur-01\t-\tTekst.\n"
                        + "da-a-02\tda\tslur\tmaybe\t-\ttest\tda-slur-02\t-\tTekst.\n");

        assertThatThrownBy(() -> FunctionalSuite.read(dir))
                .hasMessage("suite-da.tsv:3: expected is \"flag\" or \"not\", not \"maybe\"");
    }

    @Test
    void refusesAFunctionalityThatIsBothFlaggedAndAContrast() throws IOException {
        Files.writeString(
                dir.resolve("suite-en.tsv"),
                HEADER
                        + "en-a-01\ten\tslur\tflag\t-\tdev\ten-slur-01\t-\tText.\n"
                        + "en-a-02\ten\tslur\tnot\t-\ttest\ten-slur-02\t-\tText.\n");

        assertThatThrownBy(() -> FunctionalSuite.read(dir))
                .hasMessageStartingWith("suite-en.tsv:3: slur cases are all");
    }

    @Test
    void refusesATruncatedLineAndAWrongHeader() throws IOException {
        Files.writeString(dir.resolve("suite-en.tsv"), HEADER + "en-a-01\ten\tslur\tflag\n");
        assertThatThrownBy(() -> FunctionalSuite.read(dir))
                .hasMessage("suite-en.tsv:2: expected 9 tab-separated fields, found 4");

        Files.writeString(dir.resolve("suite-en.tsv"), "id\ttext\n");
        assertThatThrownBy(() -> FunctionalSuite.read(dir))
                .hasMessageStartingWith("suite-en.tsv:1: the header must be");
    }

    @Test
    void floorsAreRatesBetweenZeroAndOne() throws IOException {
        Path floors = dir.resolve("floors.yaml");
        Files.writeString(floors, "# comment\nthreat_direct: {en: 0.30, da: 0.10}\n");
        assertThat(SuiteFloors.read(floors).floor("threat_direct", "da")).contains(0.10);
        assertThat(SuiteFloors.read(floors).floor("threat_direct", "sv")).isEmpty();

        Files.writeString(floors, "threat_direct: {en: 30}\n");
        assertThatThrownBy(() -> SuiteFloors.read(floors))
                .hasMessageContaining("threat_direct.en: a rate lies in [0, 1], not 30.0");
    }
}

package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The build's gate on {@code rules/}: the same check as {@code ./varsel rules check}. */
class RulePacksInRepositoryTest {

    @Test
    void everyRuleInTheRepositoryParsesValidatesAndPassesAllItsExamples() {
        RuleCheck.Report report = RuleCheck.run(RepositoryRules.DIRECTORY);

        assertThat(report.errors()).as(report.summary()).isEmpty();
        assertThat(report.pack()).isPresent();
        assertThat(report.rules()).isGreaterThanOrEqualTo(25);
        assertThat(report.examplesRun()).isGreaterThanOrEqualTo(6 * report.rules());
    }

    /** The sentences issue 16 found unrecognised, and the counter-speech that must not read as a threat. */
    @Test
    void theLibraryRecognisesThreatsAndDehumanisationThatMatchedNothingBefore() {
        RulePack pack = RepositoryRules.pack();
        try (RuleEngine engine = RuleEngine.build(pack)) {
            RuleHit machetes = gravest(
                    engine,
                    "Grab your machetes tonight, every one of those cockroaches in the east"
                            + " district must be gone by morning",
                    "en");
            assertThat(machetes.severity()).isEqualTo(5);
            assertThat(machetes.tags()).contains("tcap:threat-to-life", "hallmark:dehumanisation");

            RuleHit guns = gravest(
                    engine,
                    "Grab your guns and meet at the asylum centre in Holstebro on Saturday." + " Kill all the migrants",
                    "en");
            assertThat(guns.severity()).isEqualTo(5);
            assertThat(guns.tags()).contains("tcap:threat-to-life");
            assertThat(guns.targetGroups()).containsExactly("migrants");

            for (String tag : List.of("da", "nb", "sv", "und")) {
                RuleHit disease = gravest(engine, "De er en sygdom", tag);
                assertThat(disease.tags()).as(tag).contains("hallmark:dehumanisation");
                assertThat(disease.reportedSpeech()).isFalse();
            }

            MatchResult quoted = engine.match("We must never say 'kill all the migrants'", Optional.of("en"));
            assertThat(quoted.hits()).isNotEmpty().allSatisfy(h -> {
                assertThat(h.reportedSpeech()).isTrue();
                assertThat(h.severity()).isLessThan(4);
            });
        }
    }

    private static RuleHit gravest(RuleEngine engine, String text, String language) {
        List<RuleHit> hits = engine.match(text, Optional.of(language)).hits();
        assertThat(hits).as("%s [%s]", text, language).isNotEmpty();
        return hits.get(0);
    }
}

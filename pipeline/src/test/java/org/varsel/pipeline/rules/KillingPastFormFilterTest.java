package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The past-form token of a verb of killing: what tells "police shot the suspect" from "shoot the suspect". */
class KillingPastFormFilterTest {

    private static List<String> words(String text) {
        return Lexicons.analyse(RuleAnalyzer.forDocuments(List.of()), RuleLanguage.ANY, text).stream()
                .map(Lexicons.Token::term)
                .toList();
    }

    @Test
    void stacksTheTokenOnAKillingVerbsPastFormAsWrittenAndNotOnItsBaseForm() {
        // doubled letters are collapsed before a rule reads a word: "shoot" and "shot" are one word without the token
        assertThat(words("Police SHOT the suspect")).containsExactly("police", "shot", "_past_", "the", "suspect");
        assertThat(words("Shoot the suspect")).containsExactly("shot", "the", "suspect");
        assertThat(words("she was beheaded")).containsExactly("she", "was", "beheaded", "_past_");
        assertThat(words("hang them, stab them")).doesNotContain(KillingPastFormFilter.TOKEN);
    }

    @Test
    void letsARuleReadAReportedKillingApartFromACallToKill() {
        Rule report = TestRules.active("report", "\"_past_ the\"~0 OR \"was _past_\"~0", RuleLanguage.ANY);
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(report))) {
            // the whole IRA stream: a threat-to-life incident opened by a report of a shooting
            assertThat(engine.match("A man with a CCW permit shot the mall stabber today", Optional.of("en"))
                            .hits())
                    .hasSize(1);
            assertThat(engine.match("The hostage was beheaded on camera", Optional.of("en"))
                            .hits())
                    .hasSize(1);

            assertThat(engine.match("Shoot the mall stabber today", Optional.of("en"))
                            .hits())
                    .isEmpty();
            assertThat(engine.match("The hostage should be beheaded on camera", Optional.of("en"))
                            .hits())
                    .isEmpty();
        }
    }
}

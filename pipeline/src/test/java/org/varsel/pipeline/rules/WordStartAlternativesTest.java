package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Alternatives tried only where a word starts must each open with a letter: one that does not silently loses its
 * matches, so it is refused when the pattern is built (session 27; until then the rule was {@code atWordStarts}'
 * javadoc only).
 */
class WordStartAlternativesTest {

    @Test
    void anAlternativeThatOpensWithADigitWouldLoseItsMatchesSoItIsRefused() {
        String alternatives = "(?:police|officials)\\s+said|\\d+\\s+people\\s+said";
        // the hazard: the search only where a word starts never finds the second alternative
        assertThat(Pattern.compile("\\b(?=\\p{L})(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE)
                        .matcher("20 people said so")
                        .find())
                .isFalse();
        assertThat(Pattern.compile("\\b(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE)
                        .matcher("20 people said so")
                        .find())
                .isTrue();

        assertThatThrownBy(() -> ReportSentenceFilter.atWordStarts(alternatives))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must each open with a letter")
                .hasMessageContaining("\\d+\\s+people\\s+said")
                .hasMessageNotContaining("officials");
    }

    @Test
    void everyOtherWayOfNotOpeningWithALetterIsRefused() {
        for (String bad : new String[] {
            "said|\"quoted",
            "said|\\s+that",
            "said|\\w+ed",
            "said|(?:told|\\d+)\\s+me",
            "said|(?:told)?\\s+me",
            "said|a?\\s+man",
            "said|x*y",
            "said|(?:told|)\\s+me",
            "said|(?i:told)",
            "said|",
            "said|[abc]d",
            "said|(?=told)\\.",
            "said|.told"
        }) {
            assertThat(WordStartAlternatives.notOpeningWithALetter(bad)).as(bad).hasSize(1);
            assertThatThrownBy(() -> WordStartAlternatives.compile(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void lettersGroupsOfLettersAndLookBehindsBeforeThemOpenWithALetter() {
        for (String good : new String[] {
            "said",
            "\u00e6ble|\u00f8l",
            "(?:say|says)\\s+that\\b|(?:told\\s+(?:me|us)|said\\s+to\\s+me)\\s+that",
            "(?<!\\bas\\s)(?<!\\bwhat\\s)(?:they|people)\\s+say",
            "(?!not)(?:a|b)[|)(]c|(d)e",
            "\\p{L}+ed"
        }) {
            assertThat(WordStartAlternatives.notOpeningWithALetter(good))
                    .as(good)
                    .isEmpty();
        }
    }

    /**
     * A class nested in a class is one element, read as Java reads it: a {@code ]} right after its {@code [} is one of
     * its characters, so the {@code |} after it is inside the outer class, not between alternatives (session 28: the
     * old walk closed the nested class at that {@code ]} and split the pattern there).
     */
    @Test
    void aClassNestedInAClassIsReadAsJavaReadsItWithABracketAsItsFirstCharacter() {
        String oneAlternative = "x[[]|]|1]";
        assertThat(Pattern.compile(oneAlternative).matcher("x1").matches()).isTrue();
        assertThat(Pattern.compile(oneAlternative).matcher("x]").matches()).isTrue();
        assertThat(Pattern.compile(oneAlternative).matcher("1]").matches()).isFalse();

        assertThat(WordStartAlternatives.notOpeningWithALetter(oneAlternative)).isEmpty();
        assertThat(WordStartAlternatives.notOpeningWithALetter("x[[]|]|1]|2")).containsExactly("2");
    }

    @Test
    void theReportMarksOwnAlternativesAllOpenWithALetterAndMatchAtWordStartsOnly() {
        assertThat(ReportSentenceFilter.SPEECH
                        .matcher("Police in Aarhus said that it was calm")
                        .find())
                .isTrue();
        assertThat(ReportSentenceFilter.SPEECH.matcher("unsaid that").find()).isFalse();
        assertThat(ReportSentenceFilter.SECONDHAND
                        .matcher("I heard that he was arrested")
                        .find())
                .isTrue();
    }
}

package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Why the calls skull rule's example, repeated twelve times, gave {@code RuleEngineEquivalenceTest} no hit with the most
 * matched terms (session 26, when its file sorted first): not a fault of matched-term reporting but of the fixture's
 * assumption that a repeated example repeats the match. The rule's phrases open with {@code _clause_} (a clause's first
 * word), and only the first repetition starts a clause: the hit reports that one's words, every one of them. Written
 * so that a new sentence opens each repetition, every repetition matches and the hit reports the most terms it may.
 */
class RepeatedExampleMatchedTermsTest {

    private static final String SKULL_RULE = "cf-en-skull-broken-called";
    private static final String EXAMPLE = "Crush their skulls, every last one of them";

    @Test
    void aClauseAnchoredRuleMatchesOnlyTheRepetitionThatStartsAClauseAndReportsAllItsWords() {
        String repeated = (EXAMPLE + " ").repeat(12);

        RuleHit hit = skullHit(repeated);

        assertThat(hit.matchedTerms())
                .as("the first repetition's words, nothing after it")
                .extracting(MatchedTerm::text)
                .containsExactly("Crush", "their", "skulls");
        assertThat(hit.matchedTerms()).allSatisfy(t -> assertThat(t.end()).isLessThanOrEqualTo(EXAMPLE.length()));
        assertThat(hit.matchedTerms())
                .allSatisfy(
                        t -> assertThat(repeated.substring(t.start(), t.end())).isEqualTo(t.text()));
    }

    @Test
    void theSameExampleWithASentenceToEachRepetitionReportsTheMostMatchedTerms() {
        RuleHit hit = skullHit((EXAMPLE + ". ").repeat(12));

        assertThat(hit.matchedTerms()).hasSize(RuleEngine.MAX_MATCHED_TERMS);
        assertThat(hit.matchedTerms()).extracting(MatchedTerm::text).containsOnly("Crush", "their", "skulls");
    }

    private static RuleHit skullHit(String text) {
        List<RuleHit> hits =
                RepositoryRules.engine().match(text, Optional.of("en")).hits();
        return hits.stream()
                .filter(h -> h.ruleId().equals(SKULL_RULE))
                .findFirst()
                .orElseThrow(() -> new AssertionError(SKULL_RULE + " did not hit " + text + ": " + hits));
    }
}

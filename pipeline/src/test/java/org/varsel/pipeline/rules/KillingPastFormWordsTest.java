package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/**
 * The past forms {@link KillingPastFormFilter} marks, the rule lexicons' verbs of killing and the classifier's
 * reported-violence words are three lists kept by hand: a verb of killing the rules read, in a past form the rules or the
 * classifier read, is marked by the filter too, so "shot the X" and "gassed the X" are read as reports alike.
 */
class KillingPastFormWordsTest {

    private static final Analyzer ENGLISH = RuleAnalyzer.perField();

    /** The English rule chain's term of one word (stemmed, double letters folded): "killed" and "kill" share it. */
    private static String term(String word) {
        List<Lexicons.Token> tokens = Lexicons.analyse(ENGLISH, RuleLanguage.EN, word);
        assertThat(tokens).as("the English terms of '%s'", word).hasSize(1);
        return tokens.get(0).term();
    }

    /**
     * The forms of the English lexicons {@code names}, lower case, as a text writes them: an as-written form
     * ({@code =gassed}) is the word "gassed" in a text, which the filter marks whatever the lexicon's spelling.
     */
    private static Stream<String> forms(String... names) {
        Set<String> wanted = Set.of(names);
        return RepositoryRules.lexicons().stream()
                .filter(l -> l.language() == RuleLanguage.EN && wanted.contains(l.name()))
                .flatMap(l -> l.entries().stream())
                .flatMap(e -> e.allForms().stream())
                .map(f -> AsWritten.isWritten(f) ? f.substring(AsWritten.MARK.length()) : f)
                .map(f -> f.toLowerCase(Locale.ROOT));
    }

    /** The one-word forms of the English lexicons {@code names}, lower case. */
    private static Set<String> words(String... names) {
        return forms(names).filter(f -> !f.contains(" ")).collect(Collectors.toSet());
    }

    /** The terms of the verbs a call to kill uses: what a past form must be the past of to be marked. */
    private static Set<String> killingVerbTerms() {
        return words("killing_imperative").stream()
                .map(KillingPastFormWordsTest::term)
                .collect(Collectors.toSet());
    }

    /** The classifier's {@code reported} words (classify/reported-lexicon.tsv). */
    private static Set<String> classifierReportedWords() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                KillingPastFormWordsTest.class.getResourceAsStream("/classify/reported-lexicon.tsv"),
                StandardCharsets.UTF_8))) {
            return in.lines()
                    .filter(l -> l.startsWith("reported\t"))
                    .map(l -> l.substring("reported\t".length()).trim())
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void marksOnlyPastFormsOfVerbsTheEnglishViolenceLexiconsRead() {
        // a verb is read alone or as the first word of its phrasal verb ("gunned down", "knifed to death")
        Set<String> violent = forms(
                        "violent_action",
                        "violent_harm",
                        "killing_imperative",
                        "lethal_passive",
                        "harm_passive",
                        "harm_done")
                .map(f -> f.split(" ")[0])
                .map(KillingPastFormWordsTest::term)
                .collect(Collectors.toSet());
        assertThat(KillingPastFormFilter.PAST_FORMS)
                .filteredOn(p -> !violent.contains(term(p)))
                .as("past forms of verbs no English violence lexicon reads")
                .isEmpty();
    }

    @Test
    void marksEveryPassiveOfKillingTheRulesReadAfterBe() {
        Set<String> killing = killingVerbTerms();
        Stream<String> passives =
                words("lethal_passive", "harm_passive").stream().filter(w -> killing.contains(term(w)));
        assertThat(passives.filter(w -> !KillingPastFormFilter.PAST_FORMS.contains(w)))
                .as("passives of killing in lethal_passive and harm_passive that the filter does not mark")
                .isEmpty();
    }

    @Test
    void marksEveryPastOfKillingTheClassifierReadsAsReported() throws IOException {
        Set<String> killing = killingVerbTerms();
        assertThat(classifierReportedWords().stream()
                        .filter(w -> killing.contains(term(w)))
                        .filter(w -> !KillingPastFormFilter.PAST_FORMS.contains(w)))
                .as("pasts of killing in classify/reported-lexicon.tsv that the filter does not mark")
                .isEmpty();
    }
}

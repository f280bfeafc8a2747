package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report mark: a sentence that opens like a news report tells of violence, it does not call for it. */
class ReportSentenceFilterTest {

    /** The English words of {@code text} that carry the mark, as written. */
    private static List<String> marked(String text) {
        List<Lexicons.Token> tokens = Lexicons.analyse(RuleAnalyzer.forDocuments(List.of()), RuleLanguage.EN, text);
        return tokens.stream()
                .filter(t -> t.term().equals(ReportSentenceFilter.TOKEN))
                .map(t -> text.substring(t.start(), t.end()))
                .toList();
    }

    @Test
    void marksEveryWordOfASentenceThatOpensWithASourceAndItsVerbOfSaying() {
        assertThat(marked("Police say the man shot three migrants"))
                .containsExactly("Police", "say", "the", "man", "shot", "three", "migrants");
        assertThat(marked("Officials in Aarhus said the attacker killed two")).contains("attacker", "killed");
        assertThat(marked("According to witnesses, the crowd chanted death to the Jews"))
                .contains("death", "Jews");
    }

    @Test
    void marksTheSentenceAfterAWireTagOrASourceAndItsColonAndNotTheNextOne() {
        assertThat(marked("BREAKING: Two migrants killed in Aarhus. Kill the rest of them"))
                .containsExactly("BREAKING", "Two", "migrants", "killed", "in", "Aarhus");
        assertThat(marked("Police: man threatened to burn the mosque")).contains("burn", "mosque");
        assertThat(marked("This day in 1973 Arab armies invaded and almost destroyed Israel"))
                .contains("destroyed");
    }

    @Test
    void marksASentenceThatAttributesWhatItSaysAndTheWordsItQuotes() {
        assertThat(marked("Militia leader vows to exterminate the Roma, officials in Geneva said."))
                .contains("exterminate", "Roma");
        assertThat(marked("The suspect told police he wanted to kill all the migrants. Shoot them all"))
                .contains("kill", "migrants")
                .doesNotContain("Shoot");
        assertThat(marked("Police said the note read: we know where Amira Haddad lives"))
                .contains("we", "know", "lives");
        assertThat(marked("Kill Karen Holm. That is what the man wrote under the mayor's post, police said"))
                .contains("Kill", "Karen", "Holm");
        assertThat(marked("The court heard he told her I am going to come to your house and kill you"))
                .contains("I", "kill", "you");
    }

    @Test
    void leavesTheAuthorsOwnSentencesAndCallsUnmarked() {
        assertThat(marked("Police say we should kill them all")).isEmpty();
        assertThat(marked("BREAKING: I will kill every migrant in Aarhus")).doesNotContain("kill", "migrant");
        assertThat(marked("Kill all the migrants, police say nothing")).isEmpty();
        assertThat(marked("GERMANY: Muslim invaders riot in the streets")).isEmpty();
        assertThat(marked("We said: kill them all")).isEmpty();
        assertThat(marked("Kill them all. That is what I said, and I meant it")).isEmpty();
    }

    @Test
    void readsAHitInAReportSentenceAsReportedAndAHitInTheAuthorsOwnSentenceAtItsWeight() {
        Rule call = TestRules.active("call", "\"kill the migrants\"~2");
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(call))) {
            RuleHit reported = engine.match("Police say the gang wanted to kill the migrants", Optional.of("en"))
                    .hits()
                    .get(0);
            assertThat(reported.reportedSpeech()).isTrue();
            assertThat(reported.severity()).isLessThan(call.severity());

            RuleHit own = engine.match(
                            "BREAKING: Police say two were stabbed. Now kill the migrants", Optional.of("en"))
                    .hits()
                    .get(0);
            assertThat(own.reportedSpeech()).isFalse();
            assertThat(own.severity()).isEqualTo(call.severity());
        }
    }
}

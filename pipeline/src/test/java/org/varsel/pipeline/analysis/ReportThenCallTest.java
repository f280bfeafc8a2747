package org.varsel.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varsel.pipeline.rules.RepositoryRules;
import org.varsel.pipeline.rules.RuleEngine;

/**
 * A report followed by the author's own call, with the repository's rules: the report's attribution and its words of
 * violence done reach their own sentences only ({@link ContextReach}), so the call after them keeps its weight, while
 * the same call inside the report's sentence stays reported. In Danish too since session 24: {@code ctx-da-nyhed-om-vold}
 * reaches its own sentences, and "blev overfaldet", "blev angrebet" left the whole-text counter-speech lexicon for it.
 * Since session 25 "someone / somebody wrote / posted" is read by the report mark in its sentence, no longer by
 * {@code ttl-en-counter-speech} over the whole text.
 */
class ReportThenCallTest {

    private static final RuleEngine engine = RepositoryRules.engine();

    private static List<RuleMatch> matches(String text, String language) {
        return TextSignals.activeMatches(engine, text, language);
    }

    /** The hits that count as meant: not a context rule, not read as quoted or reported. */
    private static List<String> meant(String text, String language) {
        return matches(text, language).stream()
                .filter(m -> !m.isContext() && !m.reportedSpeech())
                .map(RuleMatch::ruleId)
                .toList();
    }

    private static List<String> reported(String text, String language) {
        return matches(text, language).stream()
                .filter(m -> !m.isContext() && m.reportedSpeech())
                .map(RuleMatch::ruleId)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Police say three were attacked at the mosque. Now kill all the migrants",
                "Three refugees were attacked outside the station, officials said. Kill all the refugees tonight",
                "According to the police two Somalis were stabbed in Leeds. Kill every Somali in this town",
                "A refugee hostel was torched last night, police are investigating. Kill all the migrants in Aarhus",
                "The mayor says the town is safe. Now kill all the migrants in this town",
                "He wrote that the new bridge is finished. Hang every refugee in Aarhus",
                "Someone wrote that the new bridge is finished. Hang every refugee in Aarhus",
                "Somebody posted a photo of the harbour. Kill all the migrants in this town",
                "A neighbour threatened to call the police on us. Kill all the Somalis on this street",
            })
    void theAuthorsCallInASentenceOfItsOwnAfterAReportKeepsItsWeight(String text) {
        assertThat(meant(text, "en")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Politiet oplyser, at to flygtninge blev overfaldet i går. Dræb alle flygtningene i aften",
                "To muslimer blev dræbt ved skyderiet i nat. Slå resten af muslimerne ihjel",
                "To indvandrere blev angrebet i nat, skriver avisen. Nu skal alle indvandrerne skydes på stedet",
            })
    void theDanishAuthorsCallInASentenceOfItsOwnAfterAReportKeepsItsWeight(String text) {
        assertThat(meant(text, "da")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Police say the gang vowed to kill all the migrants at the festival",
                "Militia leader vows to exterminate the Roma, officials say",
                "The suspect told police he wanted to kill all the migrants in Aarhus",
                "Students were chanting: kill all the Jews",
                "He said that we should kill all the migrants in Aarhus",
                "A guy told me that all the Somalis should be hanged",
                "Somebody posted kill all the migrants under the mayor's video",
            })
    void aCallInsideTheReportsOwnSentenceStaysReported(String text) {
        assertThat(meant(text, "en")).isEmpty();
        assertThat(reported(text, "en")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Politiet oplyser, at manden opfordrede til at dræbe alle flygtningene på asylcentret",
                "Ifølge politiet råbte manden: dræb alle jøderne",
            })
    void aDanishCallInsideTheReportsOwnSentenceStaysReported(String text) {
        assertThat(meant(text, "da")).isEmpty();
        assertThat(reported(text, "da")).isNotEmpty();
    }
}

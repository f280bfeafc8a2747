package org.varsel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.varsel.bench.RecognitionRates.GateTally;
import org.varsel.bench.ScoreGate.Why;
import org.varsel.pipeline.rules.LexiconKind;
import org.varsel.pipeline.rules.NamedTargets;
import org.varsel.pipeline.rules.NamedTargets.WordSpan;

class ScoreGateTest {
    private static WordSpan group(int at) {
        return new WordSpan(Optional.of(LexiconKind.TARGET_GROUP), true, at, at);
    }

    private static WordSpan violence(int at) {
        return new WordSpan(Optional.of(LexiconKind.VIOLENT_ACTION), false, at, at);
    }

    private static WordSpan you(int at) {
        return new WordSpan(Optional.empty(), false, at, at);
    }

    private static NamedTargets naming(WordSpan... words) {
        return new NamedTargets(List.of(), false, List.of(words));
    }

    @Test
    void aTextTheRulesReadAsQuotedIsKeptForThatBeforeAnyLexiconIsAsked() {
        assertThat(ScoreGate.why(true, naming(group(0), violence(1)))).isEqualTo(Why.QUOTED_OR_CONDEMNED);
    }

    @Test
    void aCounterSpeechWordKeepsItEvenBesideATargetAndAnAttack() {
        WordSpan condemn = new WordSpan(Optional.of(LexiconKind.COUNTER_SPEECH), false, 5, 5);
        assertThat(ScoreGate.why(false, naming(group(0), violence(1), condemn))).isEqualTo(Why.COUNTER_SPEECH);
    }

    @Test
    void noGroupNoSlurAndNoReaderIsNoTarget() {
        assertThat(ScoreGate.why(false, naming(violence(3)))).isEqualTo(Why.NO_TARGET);
        assertThat(ScoreGate.why(false, NamedTargets.NONE)).isEqualTo(Why.NO_TARGET);
    }

    @Test
    void aGroupOrTheReaderWithoutAnAttackWordIsNoAttack() {
        assertThat(ScoreGate.why(false, naming(group(2)))).isEqualTo(Why.NO_ATTACK);
        assertThat(ScoreGate.why(false, naming(you(2)))).isEqualTo(Why.NO_ATTACK);
    }

    @Test
    void aTargetAndAnAttackFartherApartThanTheGateAllowsAreNotBeside() {
        // nine words between them: one more than ClassifierAlone.BESIDE
        assertThat(ScoreGate.why(false, naming(group(0), violence(10)))).isEqualTo(Why.NOT_BESIDE);
        assertThat(ScoreGate.why(false, naming(you(0), violence(10)))).isEqualTo(Why.NOT_BESIDE);
        // beside: the gate would have let the score in, so something else kept it out
        assertThat(ScoreGate.why(false, naming(group(0), violence(9)))).isEqualTo(Why.OTHER);
    }

    @Test
    void theTallyCountsEachReasonAndWhatEachWideningWouldAdd() {
        GateTally tally = GateTally.of("edos-threat-dev")
                .add(new ScoreGate.Reading(0.95, Optional.of(Why.NO_ATTACK)), 0.9)
                .add(new ScoreGate.Reading(0.80, Optional.of(Why.NO_ATTACK)), 0.9)
                .add(new ScoreGate.Reading(0.97, Optional.of(Why.NO_TARGET)), 0.9)
                .add(new ScoreGate.Reading(0.99, Optional.of(Why.QUOTED_OR_CONDEMNED)), 0.9)
                .add(new ScoreGate.Reading(0.99, Optional.empty()), 0.9);
        assertThat(tally.texts()).isEqualTo(5);
        assertThat(tally.kept()).isEqualTo(4);
        assertThat(tally.why()).containsEntry(Why.NO_ATTACK, 2).containsEntry(Why.NO_TARGET, 1);
        // ≥ 0.9 with a target: the 0.95 one; whatever the lexicons: that and the 0.97 one, never the quoted one
        assertThat(tally.widerTarget()).isEqualTo(1);
        assertThat(tally.widerAny()).isEqualTo(2);
        assertThat(tally.row()).isEqualTo("| edos-threat-dev | dev | 5 | 4 | 1 | 0 | 1 | 2 | 0 | 0 | 1 | 2 |");
    }

    @Test
    void theMissScoresCountEveryTextByBandAndApartThoseTheGateWouldLetIn() {
        RecognitionRates.MissScores misses = RecognitionRates.MissScores.of("ethos-violent")
                .add(0.05, false, false)
                .add(0.75, true, false)
                .add(0.85, false, true)
                .add(0.95, true, false)
                .addOpened(0.55);

        assertThat(misses.texts()).isEqualTo(4);
        assertThat(misses.all().counts()).containsExactly(1, 0, 0, 0, 1, 1, 1);
        assertThat(misses.gateLetsIn().counts()).containsExactly(0, 0, 0, 0, 1, 0, 1);
        assertThat(misses.herOrHim().counts()).containsExactly(0, 0, 0, 0, 0, 1, 0);
        // a text the score opened is not one the path missed
        assertThat(misses.scoreOpened().counts()).containsExactly(0, 0, 0, 1, 0, 0, 0);
        assertThat(misses.row())
                .isEqualTo("| ethos-violent | test | 4 | 1 | 0 | 0 | 0 | 1 | 1 | 1 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |"
                        + " 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 |");
        assertThat(RecognitionRates.MissScores.header().lines().toList().get(1))
                .isEqualTo("|---|---|---:|" + "---:|".repeat(28));
    }

    @Test
    void herAndHimAreWrittenAsTheReaderWordForWordAndNoWordThatOnlyHoldsThem() {
        assertThat(ScoreGate.herOrHimAsReader("Hit her in the face, then kick HIM."))
                .isEqualTo("Hit you in the face, then kick you.");
        assertThat(ScoreGate.herOrHimAsReader("Hermann saw him's hither herbs and Her's"))
                .isEqualTo("Hermann saw him's hither herbs and Her's");
    }

    @Test
    void aThreatCaseNamesItsSetAndWhatEachThreatModelSaidInTheRulesColumn() {
        RecognitionRates.Reading reading =
                new RecognitionRates.Reading("en", false, Optional.empty(), Optional.empty(), List.of());
        RecognitionRates.Reading threatCase = RecognitionRates.threatCase(
                "edos-not-sexist-guard", reading, List.of("threat:t1:0.812:gate", "threat:t2:0.744:her-him"));
        assertThat(threatCase.rules())
                .containsExactly("set:edos-not-sexist-guard", "threat:t1:0.812:gate", "threat:t2:0.744:her-him");
        assertThat(threatCase.ruleHit()).isFalse();
    }

    @Test
    void aGateCaseNamesItsSetReasonAndScoreInTheRulesColumn() {
        RecognitionRates.Reading reading = new RecognitionRates.Reading(
                "en", true, Optional.empty(), Optional.of(org.varsel.contract.Tier.MEDIUM), List.of("dsl-en-x"));
        RecognitionRates.Reading gateCase = RecognitionRates.gateCase(
                "edos-threat-dev", reading, new ScoreGate.Reading(0.9561, Optional.of(Why.NO_TARGET)));
        assertThat(gateCase.rules()).containsExactly("dsl-en-x", "gate:edos-threat-dev:NO_TARGET:0.956");
    }
}

package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractBooleanAssert;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.LexiconKind;
import org.varsel.pipeline.rules.TargetWords;

/**
 * {@link ClassifierAlone} knows a target and an attack by the kinds of the rules' lexicons, so a lexicon's kind is part
 * of when the classifier's score alone may open the high tier: these tests fail when a kind the check reads is renamed
 * or a lexicon's kind changes so that the reading flips.
 */
class ClassifierAloneLexiconKindsTest {
    private static final String LISTED = "classifier-alone-lexicons.tsv";

    @Test
    void everyBundledLexiconOfAKindTheCheckReadsIsListedWithThatKind() throws IOException {
        List<String> bundled = BundledRules.load().lexicons().stream()
                .filter(l -> ClassifierAlone.KINDS_READ.contains(l.kind()))
                .map(l -> l.language().code() + "/" + l.name() + "\t" + l.kind().code())
                .sorted()
                .toList();
        assertThat(bundled)
                .as(
                        "a lexicon entered, left or changed kind among those ClassifierAlone reads (%s); measure the"
                                + " guards' classifier-alone rows, then change %s with it",
                        ClassifierAlone.KINDS_READ, LISTED)
                .containsExactlyElementsOf(listed());
    }

    @Test
    void theCheckReadsSlursGroupsViolenceWeaponsDehumanisationAndCounterSpeech() {
        assertThat(ClassifierAlone.KINDS_READ)
                .containsExactlyInAnyOrder(
                        LexiconKind.SLUR,
                        LexiconKind.TARGET_GROUP,
                        LexiconKind.VIOLENT_ACTION,
                        LexiconKind.WEAPON,
                        LexiconKind.DEHUMANISATION,
                        LexiconKind.COUNTER_SPEECH);
    }

    @Test
    void aGroupBesideViolenceAWeaponOrDehumanisationIsAnAttackOnIt() {
        assertThatReadingOf("We should shoot the migrants").isTrue();
        assertThatReadingOf("The migrants had better watch out for my gun").isTrue();
        assertThatReadingOf("Migrants are vermin").isTrue();
        assertThatReadingOf("I will find you and kill you").isTrue();
    }

    @Test
    void aGroupBesideTheWordsOfHelperLexiconsIsNoAttackOnIt() {
        // invasion (derogation): conquering a chess board, hornets invading or an invasion by an army is no attack
        // on the group beside it
        assertThatReadingOf("The migrants are conquering the chess board again").isFalse();
        assertThatReadingOf("Asian hornets are invading the gardens again").isFalse();
        assertThatReadingOf("The invasion of Normandy, told by the Polish pilots who flew over it")
                .isFalse();
        // pursuit and sending_verb (modal, imperative): "find" and "send" are everyday verbs
        assertThatReadingOf("Find more asians for the choir").isFalse();
        assertThatReadingOf("Send the refugees a welcome pack").isFalse();
        // camera_work (word-sense) and non_agent_subject (word-sense) name no violence by themselves
        assertThatReadingOf("Photos of the muslims at the festival").isFalse();
        assertThatReadingOf("Denial and silence, say the refugees").isFalse();
    }

    @Test
    void aCounterSpeechWordTakesTheAttackBackOut() {
        assertThatReadingOf("We condemn the call to shoot the migrants").isFalse();
    }

    /** Whether the check reads an English text as naming a target and an attack on it. */
    private static AbstractBooleanAssert<?> assertThatReadingOf(String text) {
        return assertThat(ClassifierAlone.namesTargetAndAttack(
                        TargetWords.bundled().in(text, Optional.of("en"))))
                .as(text);
    }

    private static List<String> listed() throws IOException {
        try (InputStream in = ClassifierAloneLexiconKindsTest.class.getResourceAsStream(LISTED)) {
            assertThat(in).as(LISTED).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        }
    }
}

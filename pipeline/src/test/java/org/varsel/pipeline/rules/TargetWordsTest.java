package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.rules.NamedTargets.WordSpan;

/** Whom a text names, read with the bundled lexicons as rule matching reads it. */
class TargetWordsTest {
    static final TargetWords TARGETS = TargetWords.bundled();
    static final Optional<String> ENGLISH = Optional.of("en");

    @Test
    void readsTheGroupsATextNamesAndTheKindsOfWordsBesideThem() {
        NamedTargets named = TARGETS.in("We are going to shoot the asylum seekers and the Muslims.", ENGLISH);
        assertThat(named.groups()).containsExactly("refugees", "muslims");
        assertThat(named.kinds()).contains(LexiconKind.TARGET_GROUP, LexiconKind.VIOLENT_ACTION);
        assertThat(named.reader()).isFalse();
    }

    @Test
    void readsTheReaderAddressedAndDanishGroupsInTheirInflections() {
        assertThat(TARGETS.in("I will find you.", ENGLISH).reader()).isTrue();
        NamedTargets danish = TARGETS.in("Vi kommer efter jer, flygtningene.", Optional.of("da"));
        assertThat(danish.reader()).isTrue();
        assertThat(danish.groups()).containsExactly("refugees");
    }

    @Test
    void countsWhereEachEntryAndTheReaderStandInWordsNotInTheMarkersStackedOnThem() {
        // "Karen Jensen" carries the person marker on its own words: counting tokens would move every later word
        NamedTargets named = TARGETS.in("Karen Jensen told you we will shoot the migrants", ENGLISH);
        WordSpan group =
                named.words().stream().filter(WordSpan::namesGroup).findFirst().orElseThrow();
        WordSpan reader = named.words().stream()
                .filter(w -> w.kind().isEmpty())
                .findFirst()
                .orElseThrow();
        WordSpan shoot = named.words().stream()
                .filter(w -> w.kind().equals(Optional.of(LexiconKind.VIOLENT_ACTION)))
                .findFirst()
                .orElseThrow();
        assertThat(named.person()).isTrue();
        assertThat(reader.first()).isEqualTo(3);
        assertThat(shoot.first()).isEqualTo(6);
        assertThat(group.last()).isEqualTo(8);
        assertThat(reader.wordsTo(shoot)).isEqualTo(2);
        assertThat(shoot.wordsTo(reader)).isEqualTo(2);
        assertThat(shoot.wordsTo(group)).isEqualTo(1);
    }

    @Test
    void aTextWithoutGroupsOrAttacksNamesNoOne() {
        NamedTargets named = TARGETS.in("What a lovely day at the beach.", ENGLISH);
        assertThat(named.groups()).isEmpty();
        assertThat(named.kinds())
                .doesNotContain(
                        LexiconKind.TARGET_GROUP,
                        LexiconKind.SLUR,
                        LexiconKind.VIOLENT_ACTION,
                        LexiconKind.DEHUMANISATION);
        assertThat(TARGETS.in("", ENGLISH)).isEqualTo(NamedTargets.NONE);
    }
}

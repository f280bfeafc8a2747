package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which hashtags read as a hashtag game's prompt, from their capitals. */
class HashtagGameFilterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "IfIHadABodyDouble",
                "ThingsIWouldDoForMoney",
                "RulesForEverydayLiving",
                "SometimesItsOkTo",
                "TheTroubleWithAddiction",
                "IHaveARightToKnow",
                "IfICouldntLie"
            })
    void readsAGamesPromptFromItsFirstWords(String hashtag) {
        assertThat(HashtagGameFilter.isPrompt(hashtag)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"IfOnly", "StopTheInvasion", "TheResistance", "IStandWithAarhus", "KillTheBill", "Aarhus"})
    void readsNoGameInACampaignsOrAPlacesHashtag(String hashtag) {
        assertThat(HashtagGameFilter.isPrompt(hashtag)).isFalse();
    }
}

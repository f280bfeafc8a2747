package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which hashtags name a film, a song, a book or a genre of music, read from their capitals. */
class TitleHashtagFilterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AddAMovieRuinAMovie",
                "SongsThatMakeYouCry",
                "TVShowsIn3Words",
                "NowPlaying",
                "np",
                "Reggae",
                "BookTitlesWithAnExtraLetter",
                "MakeAFilmScarier"
            })
    void readsAHashtagThatNamesAWorkOrItsGenre(String hashtag) {
        assertThat(TitleHashtagFilter.namesAWork(hashtag)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SometimesItsOkTo",
                "RulesForEverydayLiving",
                "Aarhus",
                "Titleist",
                "Moviegoers",
                "KillTheBill",
                "Songbird"
            })
    void readsNoWorkInAHashtagWhoseWordsNameNone(String hashtag) {
        assertThat(TitleHashtagFilter.namesAWork(hashtag)).isFalse();
    }
}

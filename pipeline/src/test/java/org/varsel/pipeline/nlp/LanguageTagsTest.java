package org.varsel.pipeline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTagsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "en, en",
        "EN-gb, en",
        "da_DK, da",
        "dan, da",
        "eng, en",
        "deu, de",
        "ger, de",
        "cmn, zh",
        "ekk, et",
        "pes, fa",
        "ast, ast",
        "nob, nb",
        " fr , fr",
        "heb, he",
        "iw, he",
        "ind, id",
        "in, id",
        "yid, yi",
        "bur, my",
        "amh, am",
        "mya, my",
        "ara, ar"
    })
    void reducesTagsToTheShortestPrimarySubtag(String tag, String primary) {
        assertThat(LanguageTags.primary(tag)).contains(primary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "und", "e", "english", "1a", "en!", "x-klingon"})
    void rejectsBlankUndeterminedAndMalformedTags(String tag) {
        assertThat(LanguageTags.primary(tag)).isEmpty();
    }
}

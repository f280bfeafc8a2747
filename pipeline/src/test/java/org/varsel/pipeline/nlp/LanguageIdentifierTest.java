package org.varsel.pipeline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageIdentifierTest {

    private static LanguageIdentifier identifier;

    @BeforeAll
    static void loadModel() {
        identifier = new LanguageIdentifier();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | The minister said on Tuesday that the new rules would take effect before the election.",
                "da | Jeg tror det vil være dejlig køligt, men jeg vil have det meget svært med det.",
                "de | Die Regierung hat am Dienstag neue Regeln für die Wahl angekündigt.",
                "fr | Le gouvernement a annoncé mardi de nouvelles règles pour les élections.",
                "es | El gobierno anunció el martes nuevas reglas para las elecciones nacionales.",
                "ru | Правительство во вторник объявило о новых правилах для выборов.",
                "ar | أعلنت الحكومة يوم الثلاثاء عن قواعد جديدة للانتخابات المقبلة",
                "th | รัฐบาลประกาศกฎใหม่สำหรับการเลือกตั้งในวันอังคาร",
                "he | הממשלה הודיעה ביום שלישי על כללים חדשים לבחירות.",
            })
    void detectsTheLanguageOfAnOrdinarySentence(String language, String text) {
        LanguageGuess guess = identifier.detect(text);
        assertThat(guess.language()).isEqualTo(language);
        assertThat(guess.confidence()).isBetween(0.0, 1.0).isGreaterThan(0.0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ok",
                "lol 😂😂",
                "hello",
                "@someone @other",
                "https://example.com/a/very/long/path",
                "12345 678 !!!"
            })
    void answersUndeterminedForShortOrLetterlessText(String text) {
        assertThat(identifier.detect(text)).isEqualTo(LanguageGuess.UNDETERMINED);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "und-Mymr | ကုလားတွေကို သတ်ပစ်ရမယ်",
                "und-Ethi | መንግስት ማክሰኞ ለምርጫው አዲስ ደንቦችን አስታውቋል",
                "und-Khmr | រដ្ឋាភិបាលបានប្រកាសច្បាប់ថ្មីសម្រាប់ការបោះឆ្នោត",
                "und-Laoo | ລັດຖະບານໄດ້ປະກາດກົດລະບຽບໃໝ່ສໍາລັບການເລືອກຕັ້ງ",
                "und-Arab | اقتلوهم",
                "und-Hani | 消灭他们",
            })
    void tagsByScriptWhatTheModelCannotTellOrDoesNotCover(String tag, String text) {
        LanguageGuess guess = identifier.identify(text, Optional.empty());
        assertThat(guess).isEqualTo(new LanguageGuess(tag, 0.0));
        assertThat(guess.isDetermined()).isFalse();
    }

    @Test
    void aPartnersHintWinsOverTheScript() {
        assertThat(identifier.identify("ကုလားတွေကို သတ်ပစ်ရမယ်", Optional.of("my")))
                .isEqualTo(new LanguageGuess("my", 1.0));
    }

    @Test
    void answersUndeterminedForNull() {
        assertThat(identifier.identify(null, Optional.empty())).isEqualTo(LanguageGuess.UNDETERMINED);
    }

    @Test
    void ignoresUrlsAndMentionsWhenDetecting() {
        String text =
                "@dr_nyheder https://www.dr.dk/nyheder/indland Regeringen fremlægger i dag et nyt forslag om skat";
        assertThat(identifier.detect(text).language()).isEqualTo("da");
    }

    @Test
    void trustsAWellFormedHintWithFullConfidence() {
        LanguageGuess guess =
                identifier.identify("The minister said on Tuesday that the rules change.", Optional.of("da-DK"));
        assertThat(guess).isEqualTo(new LanguageGuess("da", 1.0));
        assertThat(identifier.identify("ok", Optional.of("ENG"))).isEqualTo(new LanguageGuess("en", 1.0));
    }

    @Test
    void detectsWhenTheHintIsMalformedOrUndetermined() {
        String english = "The minister said on Tuesday that the new rules would take effect before the election.";
        assertThat(identifier.identify(english, Optional.of("und")).language()).isEqualTo("en");
        assertThat(identifier.identify(english, Optional.of("not a tag")).language())
                .isEqualTo("en");
        assertThat(identifier.identify(english, Optional.of("")).language()).isEqualTo("en");
    }

    @Test
    void readsOnlyABoundedPrefixOfHugeText() {
        String huge = "The minister said on Tuesday that the new rules would take effect. ".repeat(16_000);
        long start = System.nanoTime();
        LanguageGuess guess = identifier.detect(huge);
        long micros = (System.nanoTime() - start) / 1_000;
        assertThat(guess.language()).isEqualTo("en");
        assertThat(micros).as("detection on 1 MiB took %d µs", micros).isLessThan(200_000);
    }

    @Test
    void separatesCloseRelativesOnlyWhenTheTextSaysSo() {
        // Danish and Norwegian Bokmål are one family: the runner-up Bokmål must not make Danish "und".
        LanguageGuess guess = identifier.detect("Det er jo fucking varm rødvin med mælk i, det er jo ækelt");
        assertThat(guess.language()).isIn("da", "nb", "und");
        assertThat(guess.language()).isNotEqualTo("en");
    }
}

package org.varsel.pipeline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    @Test
    void replacesUrlsMentionsAndNumbersWithThePlaceholdersHateXplainUses() {
        assertThat(TextNormaliser.normalise("RT @Someone: 3 of 10 say https://t.co/xyz. 50% agree"))
                .isEqualTo("<user> <number> of <number> say <url> <percent> agree");
    }

    @Test
    void keepsExistingPlaceholdersSoHateXplainTextIsAFixedPoint() {
        String hatexplain = "<user> <user> i see a white person using racism as a political weapon <number> times";
        assertThat(TextNormaliser.normalise(hatexplain)).isEqualTo(hatexplain);
    }

    @Test
    void lowerCasesAndSqueezesRepeatedLetters() {
        assertThat(TextNormaliser.normalise("SOOOOO Cool!!! Loooool")).isEqualTo("soo cool lool");
    }

    @Test
    void expandsEnglishContractionsLikeHateXplain() {
        assertThat(TextNormaliser.normalise("Don't you think she's right? I'm sure they won't"))
                .isEqualTo("do not you think she right i am sure they will not");
    }

    @Test
    void decodesHtmlEntitiesAndKeepsEmojiAsOneTokenPerRun() {
        assertThat(TextNormaliser.normalise("Tom &amp; Jerry &#128514;&#128514; 😂😂😂 👍🏽"))
                .isEqualTo("tom jerry 😂 😂 👍");
    }

    @Test
    void dropsTheHashOfHashtagsButKeepsTheWord() {
        assertThat(TextNormaliser.normalise("#MAGA rally #Grundlovsdag")).isEqualTo("maga rally grundlovsdag");
    }

    @Test
    void keepsDanishLetters() {
        assertThat(TextNormaliser.normalise("Det er jo ÆKELT, på Østerbro")).isEqualTo("det er jo ækelt på østerbro");
    }

    @Test
    void boundsTheNumberOfTokensForHugeText() {
        String huge = "word ".repeat(1 << 18);
        assertThat(TextNormaliser.tokens(huge)).hasSize(TextNormaliser.MAX_TOKENS);
    }

    @Test
    void survivesNullEmptyAndBinaryGarbage() {
        assertThat(TextNormaliser.tokens(null)).isEmpty();
        assertThat(TextNormaliser.tokens("")).isEmpty();
        Random random = new Random(1);
        for (int k = 0; k < 2_000; k++) {
            char[] garbage = new char[random.nextInt(300)];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = (char) random.nextInt(Character.MAX_VALUE + 1);
            }
            for (String token : TextNormaliser.tokens(new String(garbage))) {
                assertThat(token).isNotBlank().doesNotContain(" ");
            }
        }
    }

    @Test
    void squeezeLeavesDoubleLettersAlone() {
        assertThat(TextNormaliser.squeeze("bookkeeper")).isEqualTo("bookkeeper");
        assertThat(TextNormaliser.squeeze("aaa")).isEqualTo("aa");
        assertThat(TextNormaliser.squeeze("1111")).isEqualTo("1111");
    }
}

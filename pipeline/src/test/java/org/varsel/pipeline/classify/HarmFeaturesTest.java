package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.nlp.TextNormaliser;

class HarmFeaturesTest {

    private final HarmFeatures features = new HarmFeatures();

    private Collection<String> of(String text) {
        return features.extractFeatures(TextNormaliser.tokens(text), Map.of());
    }

    @Test
    void foldsLeetAndLookAlikeLettersBackToTheWord() {
        assertThat(of("k1ll them")).contains("w=kill", "l=violence", "l=violence~they");
    }

    @Test
    void seesThroughSwappedDroppedAndRunTogetherLetters() {
        assertThat(of("I will klil every one of the Jwes")).contains("w=kill", "w=jews", "l=violence~group");
        assertThat(of("I willkillevery one of the refugees")).contains("b=will kill", "w=every", "l=violence~group");
        assertThat(of("Jeg vil drbe alle de muslimer")).contains("w=dræbe", "l=violence~group");
    }

    @Test
    void leavesPlainWordsAsTheyAre() {
        String[] tokens = TextNormaliser.tokens("the neighbours are quiet migrants");
        assertThat(features.extractFeatures(tokens, Map.of())).contains("w=neighbours", "w=migrants");
    }

    @Test
    void joinsLettersSpacedOutToDodgeFilters() {
        assertThat(of("k i l l all the migrants")).contains("w=kill", "l=violence~group");
    }

    @Test
    void marksAViolentWordNearAGroupAndACallWithATimeOrPlace() {
        assertThat(of("Grab your machetes tonight and meet at the mosque"))
                .contains("l=weapon", "l=time", "l=place", "l=call~weapon", "l=harm+when");
        assertThat(of("Kill all the migrants at the asylum centre on Saturday"))
                .contains("l=violence~group", "l=harm+when+group");
    }

    @Test
    void matchesDanishInflectionsByPrefix() {
        assertThat(of("de er kakerlakkerne")).contains("l=dehumanise~they");
        assertThat(of("De er en sygdom")).contains("l=dehumanise", "l=they");
    }

    @Test
    void doesNotPairWordsFarApart() {
        assertThat(
                        of(
                                "kill the lights, it is late and after a long long day at work the neighbours are quiet migrants"))
                .doesNotContain("l=violence~group");
    }

    @Test
    void givesCharacterFourGramsOfLongerWordsOnly() {
        assertThat(of("cockroches")).contains("c=^coc", "c=cock", "c=hes$");
        assertThat(of("they")).noneMatch(f -> f.startsWith("c="));
    }
}

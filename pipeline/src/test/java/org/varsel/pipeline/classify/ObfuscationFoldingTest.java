package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObfuscationFoldingTest {

    private final ObfuscationFolding folding = ObfuscationFolding.bundled();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "klil|kill",
                "kll|kill",
                "soht|shot",
                "sht|shot",
                "jwes|jews",
                "rmoa|roma",
                "msulims|muslims",
                "mgrants|migrants",
                "wmoen|women",
                "dærbe|dræbe",
                "drbe|dræbe",
                "sykdes|skydes",
                "msulimerne|muslimerne",
                "idnvandrerne|indvandrerne",
                "flgtningene|flygtningene",
                "kvnderne|kvinderne",
                "plakker|polakker"
            })
    void restoresAWordWithSwappedOrDroppedLetters(String obfuscated, String word) {
        assertThat(folding.repair(obfuscated)).containsExactly(word);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "willkillevery|will kill every",
                "beshot|be shot",
                "thejews|the jews",
                "skalskydes|skal skydes",
                "vildræbealle|vil dræbe alle",
                "desorteer|de sorte er",
                "themigrants|the migrants",
                // four Danish words, "slå" and "ihjel" rarer than 50 posts, "romaerne" an inflected lexicon word
                "skalslåindvandrerneihjel|skal slå indvandrerne ihjel",
                "burdeskydetranspersonerne|burde skyde transpersonerne",
                "romaerneer|romaerne er"
            })
    void splitsWordsRunTogetherAroundAViolentOrGroupWord(String runTogether, String words) {
        assertThat(folding.repair(runTogether)).isEqualTo(List.of(words.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"indvandrerneer|indvandrerne er", "polakkerneer|polakkerne er"})
    void splitsACompoundOrRunTogetherWordThatStartsWithALexiconStem(String compound, String words) {
        assertThat(folding.repair(compound)).isEqualTo(List.of(words.split(" ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"araberen", "somalieren", "transpersoner", "muslimens", "muslimhadere"})
    void leavesAnInflectedGroupWordWhole(String token) {
        // cut into "arab er en" or "trans person er", the pieces move the words after them out of a rule's phrase
        assertThat(folding.repair(token)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bekræftede", "bekræftet", "bekraeftede", "beskydes"})
    void leavesADanishBeVerbWhole(String token) {
        // "bekræftede" is the verb "bekræfte", not "be" + "kræftede": split, a rule's illness exclusion "kræft" dropped
        // the threat in the same comment (DKHate)
        assertThat(folding.repair(token)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"goodies"})
    void leavesThePluralOfAKnownWordWhole(String plural) {
        // "goodies" is "goodie" + s, not "goo" + "dies": split, a rule's "go die" read it as a death wish (IRA stream)
        assertThat(folding.repair(plural)).isEmpty();
    }

    @Test
    void aRememberedRepairIsTheRepairAndTheMemoryStaysBounded() {
        ObfuscationFolding fresh = new ObfuscationFolding(HarmLexicon.bundled(), KnownWords.bundled());
        List<String> unknown = List.of("klil", "willkillevery", "zzqxv", "thejews", "qqqwwweee");
        List<List<String>> first = unknown.stream().map(fresh::repair).toList();
        // every field of a signal and the classifier repair the same words: the second answer must be the first
        assertThat(unknown.stream().map(fresh::repair).toList())
                .isEqualTo(first)
                .isEqualTo(unknown.stream().map(folding::repair).toList());
        assertThat(first.get(1)).containsExactly("will", "kill", "every");
        for (int i = 0; i < ObfuscationFolding.MAX_REMEMBERED + 10; i++) {
            fresh.repair("zq" + Integer.toString(i, 26).replaceAll("[0-9]", "x"));
        }
        assertThat(fresh.remembered()).isLessThanOrEqualTo(ObfuscationFolding.MAX_REMEMBERED);
        assertThat(fresh.repair("klil")).containsExactly("kill");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hot",
                "bob",
                "hag",
                "form",
                "people",
                "killer",
                "skillet",
                "bombastic",
                "tilhænger",
                "bestemme",
                "aroma",
                "brown",
                "shit",
                "hello",
                "kilo",
                "kilde",
                "bestemme",
                "orgasme",
                "integrationen",
                "thegaypeople",
                "k1ll",
                "2024",
                "x",
                "kill"
            })
    void leavesKnownWordsAndWordsThatAreNoObfuscatedTargetAlone(String token) {
        assertThat(folding.repair(token)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "k1ll|kill",
                "v3rm1n|vermin",
                "\u043ail\u0430|kila",
                "2024|2024",
                "\u043a\u0442\u043e|\u043a\u0442\u043e",
                "dræb|dræb"
            })
    void foldsLookAlikesOnlyInsideLatinWords(String token, String folded) {
        assertThat(LookAlikeLetters.fold(token)).isEqualTo(folded);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(
            delimiter = '|',
            value = {"ki|ll", "k|ill", "kil|l", "sh|oot", "dr|æbe"})
    void joinsAViolentWordBrokenByASpaceWhenOnePieceIsAFragment(String left, String right) {
        assertThat(folding.brokenWord(left, right)).isTrue();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(
            delimiter = '|',
            value = {"be|at", "be|head", "s|laughter", "g|as", "ki|ss", "a|ttack", "i|ll", "k|issing"})
    void leavesTwoWordsOrAWordNotViolentApart(String left, String right) {
        assertThat(folding.brokenWord(left, right)).isFalse();
    }
}

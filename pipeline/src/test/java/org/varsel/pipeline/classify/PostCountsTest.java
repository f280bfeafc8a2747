package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The flat known-word table answers every look-up as the map it was built from did, whole words and parts alike. */
class PostCountsTest {

    private static final Map<String, Integer> KNOWN = knownWords();
    private static final PostCounts TABLE = KnownWords.bundled();

    @Test
    void answersEveryKnownWordAndEveryPartOfOneAsTheMapDoes() {
        for (String word : KNOWN.keySet()) {
            assertThat(TABLE.contains(word)).as(word).isTrue();
            assertThat(TABLE.posts(word)).as(word).isEqualTo(KNOWN.get(word));
            for (int from = 0; from < word.length(); from++) {
                for (int to = from + 1; to <= word.length(); to++) {
                    String part = word.substring(from, to);
                    assertThat(TABLE.posts(word, from, to)).as(part).isEqualTo(KNOWN.getOrDefault(part, 0));
                    assertThat(TABLE.posts(part)).as(part).isEqualTo(KNOWN.getOrDefault(part, 0));
                }
            }
        }
    }

    @Test
    void answersUnknownWordsWithNothing() {
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < 100_000; i++) {
            String word = randomWord(random);
            assertThat(TABLE.contains(word)).as(word).isEqualTo(KNOWN.containsKey(word));
            assertThat(TABLE.posts(word)).as(word).isEqualTo(KNOWN.getOrDefault(word, 0));
        }
        assertThat(TABLE.posts("")).isZero();
    }

    @Test
    void tellsWordsWithTheSameHashApart() {
        // "Aa" and "BB" have the same String hash, as have their concatenations
        PostCounts table = PostCounts.of(Map.of("AaAa", 3, "BBBB", 5, "AaBB", 7));
        assertThat(table.posts("AaAa")).isEqualTo(3);
        assertThat(table.posts("BBBB")).isEqualTo(5);
        assertThat(table.posts("AaBB")).isEqualTo(7);
        assertThat(table.posts("BBAa")).isZero();
        assertThat(table.posts("xBBBBx", 1, 5)).isEqualTo(5);
        assertThat(PostCounts.of(Map.of()).contains("a")).isFalse();
    }

    @Test
    void splitsCompoundsAsTheLookUpsBySubstringDid() {
        CompoundWords compounds = CompoundWords.bundled();
        List<String> words = new ArrayList<>(KNOWN.keySet());
        SplittableRandom random = new SplittableRandom(2026);
        List<String> probes = new ArrayList<>(words);
        for (int i = 0; i < 40_000; i++) {
            String a = words.get(random.nextInt(words.size()));
            String b = words.get(random.nextInt(words.size()));
            probes.add(a + (random.nextBoolean() ? "" : random.nextBoolean() ? "e" : "s") + b);
            probes.add(randomWord(random) + randomWord(random));
        }
        int split = 0;
        for (String word : probes) {
            List<String> parts = compounds.parts(word);
            assertThat(parts).as(word).isEqualTo(partsBySubstring(word));
            split += parts.isEmpty() ? 0 : 1;
        }
        assertThat(split).as("probes split").isGreaterThan(5_000);
    }

    /** {@link CompoundWords#parts} as it was written over the map, each part cut out and looked up. */
    private static List<String> partsBySubstring(String word) {
        int n = word.length();
        if (n < CompoundWords.MIN_WORD || KNOWN.containsKey(word)) {
            return List.of();
        }
        for (int cut = n - 3; cut >= 3; cut--) {
            String head = word.substring(0, cut);
            if (KNOWN.getOrDefault(head, 0) < 5) {
                continue;
            }
            String tail = word.substring(cut);
            if (KNOWN.getOrDefault(tail, 0) >= 5) {
                return List.of(head, tail);
            }
            char link = word.charAt(cut);
            if ((link == 'e' || link == 's') && n - cut - 1 >= 3 && KNOWN.getOrDefault(tail.substring(1), 0) >= 5) {
                return List.of(head, tail.substring(1));
            }
        }
        return List.of();
    }

    private static String randomWord(SplittableRandom random) {
        String letters = "abcdefghijklmnoprstuvwyæøå";
        StringBuilder word = new StringBuilder();
        for (int i = 1 + random.nextInt(9); i > 0; i--) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    private static Map<String, Integer> knownWords() {
        Map<String, Integer> words = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                KnownWords.class.getResourceAsStream(KnownWords.RESOURCE), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                words.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return words;
    }
}

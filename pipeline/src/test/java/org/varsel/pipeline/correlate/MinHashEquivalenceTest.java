package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.RealTexts;

/**
 * The signature hashed from the words as they are read equals the one over {@link ShingledText}'s shingle strings,
 * over real posts (DKHate, Davidson, HateXplain, IRA tweets), for every shingle size and sketch size the settings
 * allow in practice, and FNV-1a over the characters equals FNV-1a over {@code getBytes(UTF_8)} for any string.
 */
class MinHashEquivalenceTest {

    @Test
    void signatureFromWordsEqualsSignatureFromShingleStringsOnRealPosts() {
        List<String> texts = RealTexts.lines(20);
        assertThat(texts).hasSizeGreaterThan(50_000);
        MinHash small = new MinHash(4);
        MinHash large = new MinHash(64);
        for (int size : new int[] {1, 3, 5}) {
            for (String text : texts) {
                List<String> words = ShingledText.normalisedWords(text);
                Set<String> shingles = ShingledText.of(text, size).shingles();
                assertThat(large.signature(words, size))
                        .as("size=%d %s", size, text)
                        .isEqualTo(large.signature(shingles));
                assertThat(small.signature(words, size)).isEqualTo(small.signature(shingles));
            }
        }
    }

    @Test
    void repeatedShinglesCountOnce() {
        MinHash minHash = new MinHash(64);
        List<String> words = ShingledText.normalisedWords("stop them now stop them now stop them now");
        assertThat(minHash.signature(words, 3))
                .hasSize(3)
                .isEqualTo(minHash.signature(ShingledText.of("stop them now stop them now stop them now", 3)
                        .shingles()));
    }

    @Test
    void hashOverCharactersEqualsHashOverUtf8BytesWithLoneSurrogates() {
        Random random = new Random(11);
        char[] pool = {
            'a', 'Z', ' ', 'æ', 'ø', '€', 'က', '\ud83d', '\ude00', '\udbff', '\udfff', '\u0000', '\u07ff', '\u0800',
            '\uffff'
        };
        for (int t = 0; t < 20_000; t++) {
            char[] s = new char[random.nextInt(12)];
            for (int i = 0; i < s.length; i++) {
                s[i] = pool[random.nextInt(pool.length)];
            }
            String text = new String(s);
            assertThat(MinHash.fnv1a(text)).as(text).isEqualTo(bytesFnv1a(text));
        }
        for (String text : RealTexts.lines(20)) {
            assertThat(MinHash.fnv1a(text)).isEqualTo(bytesFnv1a(text));
        }
    }

    /** The implementation replaced: FNV-1a 64 over the encoded bytes. */
    private static long bytesFnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}

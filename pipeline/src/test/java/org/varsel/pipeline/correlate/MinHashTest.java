package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinHashTest {
    static final MinHash MIN_HASH = new MinHash(64);
    static final String[] VOCABULARY =
            ("the they them vote election fraud border invaders city mayor police march rally "
                            + "tonight tomorrow share before deleted truth media lies our people country must stop now every town "
                            + "stand up fight back save children traitors news report video watch read proof hidden secret ballots "
                            + "counted twice dead voters machines rigged")
                    .split(" ");

    @Test
    void normalisesCaseUrlsMentionsPunctuationAndTheRetweetMarker() {
        assertThat(ShingledText.normalisedWords(
                        "RT @someone: They LIED!!! https://t.co/abc read: www.example.org/x #Truth"))
                .containsExactly("they", "lied", "read", "truth");
        assertThat(ShingledText.of("One two three four", 3).shingles())
                .containsExactly("one two three", "two three four");
        assertThat(ShingledText.of("Short one", 3).shingles()).containsExactly("short one");
    }

    @Test
    void exactCopiesAfterNormalisationShareSignatureAndContentKey() {
        long[] a = MIN_HASH.signature(
                ShingledText.of("They are stealing the election, share before it is deleted! https://a.example/1", 3)
                        .shingles());
        long[] b = MIN_HASH.signature(
                ShingledText.of("@bob THEY ARE STEALING THE ELECTION share before it is deleted https://b.example/2", 3)
                        .shingles());
        assertThat(b).isEqualTo(a);
        assertThat(MinHash.contentKey(b)).isEqualTo(MinHash.contentKey(a));
        assertThat(MIN_HASH.similarity(a, b)).isEqualTo(1.0);
    }

    @Test
    void similarityIsExactForSetsWithinTheSketchAndEstimatedBeyond() {
        MinHash small = new MinHash(4);
        assertThat(small.similarity(new long[] {1, 5, 6}, new long[] {2, 3, 5})).isEqualTo(1.0 / 5);
        assertThat(MIN_HASH.similarity(new long[] {1, 5, 6}, new long[] {2, 3, 4, 5, 6}))
                .isEqualTo(2.0 / 6);
    }

    @Test
    void signatureIsTheSameOnEveryRun() {
        long[] signature = new MinHash(64)
                .signature(
                        ShingledText.of("a fixed text for a fixed signature", 3).shingles());
        assertThat(MinHash.contentKey(signature))
                .isEqualTo(MinHash.contentKey(MIN_HASH.signature(
                        ShingledText.of("a fixed text for a fixed signature", 3).shingles())));
    }

    @Test
    void estimateStaysCloseToTheExactJaccardOnRandomTexts() {
        Random random = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            List<String> words = randomWords(random, 15 + random.nextInt(20));
            List<String> edited = edit(random, words, random.nextInt(6));
            ShingledText a = ShingledText.of(String.join(" ", words), 3);
            ShingledText b = ShingledText.of(String.join(" ", edited), 3);
            double exact = ShingledText.jaccard(a.shingles(), b.shingles());
            double estimate = MIN_HASH.similarity(MIN_HASH.signature(a.shingles()), MIN_HASH.signature(b.shingles()));
            // 64 hashes: standard error sqrt(J(1-J)/64) ≤ 0.0625; 0.25 is four of those.
            assertThat(Math.abs(estimate - exact))
                    .as("exact %.2f, estimate %.2f", exact, estimate)
                    .isLessThan(0.25);
        }
    }

    /**
     * The recall the one-min-hash content key costs: of pairs whose exact Jaccard is at least 0.8, how many land under
     * the same key AND pass the signature check against each other. Measured, not assumed (docs/incidents.md).
     */
    @Test
    void measuresRecallOfContentKeyPlusSignatureCheckOnNearDuplicates() {
        Random random = new Random(7);
        int nearDuplicates = 0;
        int grouped = 0;
        int unrelatedGrouped = 0;
        for (int trial = 0; trial < 4000; trial++) {
            List<String> words = randomWords(random, 20 + random.nextInt(20));
            List<String> edited = edit(random, words, 1 + random.nextInt(2));
            ShingledText a = ShingledText.of(String.join(" ", words), 3);
            ShingledText b = ShingledText.of(String.join(" ", edited), 3);
            long[] sa = MIN_HASH.signature(a.shingles());
            long[] sb = MIN_HASH.signature(b.shingles());
            if (ShingledText.jaccard(a.shingles(), b.shingles()) >= 0.8) {
                nearDuplicates++;
                if (MinHash.contentKey(sa).equals(MinHash.contentKey(sb)) && MIN_HASH.similarity(sa, sb) >= 0.8) {
                    grouped++;
                }
            }
            long[] other = MIN_HASH.signature(ShingledText.of(String.join(" ", randomWords(random, 25)), 3)
                    .shingles());
            if (MinHash.contentKey(other).equals(MinHash.contentKey(sa)) && MIN_HASH.similarity(other, sa) >= 0.8) {
                unrelatedGrouped++;
            }
        }
        double recall = (double) grouped / nearDuplicates;
        System.out.printf(
                "co-similar recall on near-duplicate pairs (J ≥ 0.8): %d/%d = %.3f; unrelated texts grouped: %d/4000%n",
                grouped, nearDuplicates, recall, unrelatedGrouped);
        assertThat(nearDuplicates).isGreaterThan(500);
        assertThat(recall).isGreaterThan(0.6);
        assertThat(unrelatedGrouped).isZero();
    }

    static List<String> randomWords(Random random, int n) {
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        }
        return words;
    }

    /** Replaces {@code edits} words at random positions. */
    static List<String> edit(Random random, List<String> words, int edits) {
        List<String> edited = new ArrayList<>(words);
        for (int e = 0; e < edits; e++) {
            edited.set(random.nextInt(edited.size()), "edit" + random.nextInt(1000));
        }
        return edited;
    }
}

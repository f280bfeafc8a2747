package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The sketch of a union is the bottom-k of the union of the two sets, whatever their sizes and overlap. */
class DistinctSketchTest {

    @Test
    void theUnionOfTwoSketchesIsTheSketchOfTheUnionOfTheirSets() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            // sets from a few ids to many times K, drawn from ranges that overlap or not, so that one sketch often adds
            // nothing
            String[] a = ids(random, "a" + random.nextInt(3));
            String[] b = ids(random, "a" + random.nextInt(3));
            long[] union = DistinctSketch.union(sketch(a), sketch(b));
            String[] both = java.util.stream.Stream.concat(Arrays.stream(a), Arrays.stream(b))
                    .toArray(String[]::new);
            assertThat(union).isEqualTo(sketch(both));
        }
    }

    private static String[] ids(Random random, String prefix) {
        int size = random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(4 * DistinctSketch.K);
        int from = random.nextInt(200);
        return LongStream.range(from, from + size)
                .mapToObj(i -> prefix + "-" + i)
                .toArray(String[]::new);
    }

    private static long[] sketch(String[] ids) {
        long[] sketch = new long[0];
        for (String id : ids) {
            sketch = DistinctSketch.add(sketch, id);
        }
        return sketch;
    }
}

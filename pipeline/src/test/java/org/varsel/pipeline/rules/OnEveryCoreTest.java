package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OnEveryCoreTest {

    @Test
    void everyCaseRunsExactlyOnce() {
        List<Integer> cases = IntStream.range(0, 101).boxed().toList();
        List<List<Integer>> shares = OnEveryCore.run(cases, share -> share);
        assertThat(shares.stream().flatMap(List::stream).sorted().toList()).isEqualTo(cases);
    }

    @Test
    void aFailedAssertionInAnyShareFailsTheCaller() {
        List<Integer> cases = IntStream.range(0, 10).boxed().toList();
        assertThatThrownBy(() -> OnEveryCore.run(cases, share -> {
                    assertThat(share).doesNotContain(7);
                    return share.size();
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("7");
    }
}

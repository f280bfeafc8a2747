package org.varsel.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChildJvmPortsTest {

    /**
     * A broker takes its client and controller ports from two calls; the kernel may hand back a port it just handed
     * out (its ephemeral choice is random), and the broker then fails on "two listeners on the same port".
     */
    @Test
    void neverHandsOutTheSamePortTwice() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 3_000; i++) {
            assertThat(seen.add(ChildJvm.freePort()))
                    .as("port handed out twice")
                    .isTrue();
        }
    }
}

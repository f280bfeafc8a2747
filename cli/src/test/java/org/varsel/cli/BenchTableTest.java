package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's table and last line: failovers shown, and no absurd rate when start-up cannot be taken out. */
class BenchTableTest {
    private static final BenchResult.Latency LATENCY =
            new BenchResult.Latency(500, 299, 0, 900, 1_600, 1_900, 1L << 30, 1L << 25, 0);

    @Test
    void theLastLineSaysHowOftenTheBestRunFailedOver() {
        BenchResult clean = new BenchResult(1, new BenchResult.Throughput(10_000, 12, 2, 100, 800, 60, 0), LATENCY);
        BenchResult failedOver = new BenchResult(2, new BenchResult.Throughput(10_000, 7, 2, 100, 900, 60, 1), LATENCY);
        List<String> lines = print(clean, failedOver);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("throughput=2000 p99_ms=1600 signals=10000 failovers=1");
        assertThat(String.join("\n", lines)).contains("failovers").contains("1/0");
    }

    @Test
    void aBacklogNoLongerThanStartUpGivesTheRateWithStartUpNotADivisionByAlmostZero() {
        BenchResult.Throughput tooShort = new BenchResult.Throughput(3_000, 23.7, 31.8, 100, 0, 660, 0);
        assertThat(tooShort.startupSeparable()).isFalse();
        assertThat(tooShort.sustained()).isEqualTo(tooShort.withStartup());
        List<String> lines = print(new BenchResult(2, tooShort, LATENCY));
        assertThat(lines.get(lines.size() - 1)).startsWith("throughput=127 ");
    }

    private static List<String> print(BenchResult... results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "setup", List.of(results));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

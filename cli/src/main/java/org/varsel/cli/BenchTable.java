package org.varsel.cli;

import static org.varsel.cli.BenchMeasures.machine;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The table {@code varsel bench} prints on stdout, and its last line for scripts: the best parallelism's figures. */
final class BenchTable {
    private BenchTable() {}

    static void print(PrintStream out, String setup, List<BenchResult> results) {
        out.println("varsel bench: " + machine());
        out.println("  " + setup);
        out.printf(
                Locale.ROOT,
                "%-3s %10s %12s %12s %9s %9s %9s %8s %8s %8s %9s %9s %10s %10s%n",
                "p",
                "signals",
                "sig/s",
                "sig/s",
                "CPU µs",
                "broker µs",
                "rate",
                "probes",
                "p50 ms",
                "p99 ms",
                "max ms",
                "heap MB",
                "chkpt KB",
                "failovers");
        out.printf(
                Locale.ROOT,
                "%-3s %10s %12s %12s %9s %9s %9s %8s %8s %8s %9s %9s %10s %10s%n",
                "",
                "",
                "sustained",
                "w/ start-up",
                "/signal",
                "/signal",
                "sig/s",
                "seen",
                "",
                "",
                "",
                "after GC",
                "last",
                "tp/lat");
        for (BenchResult r : results) {
            BenchResult.Throughput t = r.throughput();
            BenchResult.Latency l = r.latency();
            out.printf(
                    Locale.ROOT,
                    "%-3d %,10d %,12.0f %,12.0f %9.0f %9.0f %,9.0f %4d/%-3d %8.0f %8.0f %9.0f %9d %,10d %10s%n",
                    r.parallelism(),
                    t.signals(),
                    t.sustained(),
                    t.withStartup(),
                    t.cpuUsPerSignal(),
                    t.brokerCpuUsPerSignal(),
                    l.rate(),
                    l.probes(),
                    l.probes() + l.missing(),
                    l.p50Ms(),
                    l.p99Ms(),
                    l.maxMs(),
                    l.heapAfterGcBytes() >> 20,
                    l.checkpointBytes() >> 10,
                    t.failovers() + "/" + l.failovers());
        }
        out.println("  sustained = signals / (job wall time - wall time of the same bounded job over an empty topic);"
                + " CPU µs/signal = (this JVM's CPU time in the throughput phase - that of the empty run) / signals;"
                + " failovers = restarts from the last checkpoint in the throughput / latency phase (their reprocessing"
                + " is inside the figures: compare runs without)");
        BenchResult best = results.stream()
                .max(Comparator.comparingDouble(r -> r.throughput().sustained()))
                .orElseThrow();
        printLastLine(
                out,
                best.throughput(),
                best.latency().p99Ms(),
                best.throughput().failovers() + best.latency().failovers());
    }

    /**
     * The line scripts read, last: the best run's sustained throughput, its p99 ({@code NaN} if not measured), signals,
     * and how often its jobs failed over (a figure with failovers includes reprocessing).
     */
    static void printLastLine(PrintStream out, BenchResult.Throughput best, double p99Ms, long failovers) {
        out.printf(
                Locale.ROOT,
                "throughput=%.0f p99_ms=%.0f signals=%d failovers=%d%n",
                best.sustained(),
                p99Ms,
                best.signals(),
                failovers);
    }
}

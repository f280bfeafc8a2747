package org.varsel.cli;

/** What {@code varsel bench} measured at one parallelism: the throughput phase, then the latency phase. */
record BenchResult(int parallelism, Throughput throughput, Latency latency) {

    /** The bounded run over the pre-published backlog, its job start-up measured on an empty topic. */
    record Throughput(
            long signals,
            double jobSeconds,
            double startupSeconds,
            long incidents,
            double cpuUsPerSignal,
            double brokerCpuUsPerSignal) {
        double withStartup() {
            return signals / jobSeconds;
        }

        double sustained() {
            return signals / Math.max(0.001, jobSeconds - startupSeconds);
        }
    }

    /** The unbounded run at a fixed rate: probe latencies, heap after GC and the last checkpoint's size. */
    record Latency(
            double rate,
            int probes,
            int missing,
            double p50Ms,
            double p99Ms,
            double maxMs,
            long heapAfterGcBytes,
            long checkpointBytes) {}
}

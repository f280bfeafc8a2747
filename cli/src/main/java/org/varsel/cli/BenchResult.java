package org.varsel.cli;

/** What {@code varsel bench} measured at one parallelism: the throughput phase, then the latency phase. */
record BenchResult(int parallelism, Throughput throughput, Latency latency) {

    /**
     * The bounded run over the pre-published backlog, its job start-up measured on an empty topic; {@code failovers}:
     * how often the job restarted from its last checkpoint (the reprocessing is inside the figures).
     */
    record Throughput(
            long signals,
            double jobSeconds,
            double startupSeconds,
            long incidents,
            double cpuUsPerSignal,
            double brokerCpuUsPerSignal,
            long failovers) {
        double withStartup() {
            return signals / jobSeconds;
        }

        /**
         * Signals a second without the job's start-up; when the backlog took no longer than an empty job (a backlog too
         * small for a loaded machine) start-up cannot be taken out, and this is the rate with it.
         */
        double sustained() {
            return startupSeparable() ? signals / (jobSeconds - startupSeconds) : withStartup();
        }

        boolean startupSeparable() {
            return jobSeconds > startupSeconds;
        }
    }

    /** The unbounded run at a fixed rate: probe latencies, heap after GC, the last checkpoint's size, restarts. */
    record Latency(
            double rate,
            int probes,
            int missing,
            double p50Ms,
            double p99Ms,
            double maxMs,
            long heapAfterGcBytes,
            long checkpointBytes,
            long failovers) {}
}

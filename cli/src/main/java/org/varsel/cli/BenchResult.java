package org.varsel.cli;

/** What {@code varsel bench} measured at one parallelism: the throughput phase, then the latency phase. */
record BenchResult(int parallelism, long signals, double jobSeconds, double startupSeconds, long incidents,
    double cpuUsPerSignal, double brokerCpuUsPerSignal, double rate, int probes, int missing,
    double p50Ms, double p99Ms, double maxMs, long heapAfterGcBytes, long checkpointBytes) {
  double throughputWithStartup() {
    return signals / jobSeconds;
  }

  double throughput() {
    return signals / Math.max(0.001, jobSeconds - startupSeconds);
  }
}

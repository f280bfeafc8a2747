package org.varsel.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.varsel.local.LocalKafka;

/** What {@code ./varsel bench} reads off the machine while it runs: CPU time, heap after GC, checkpoint size. */
final class BenchMeasures {
    private BenchMeasures() {}

    /**
     * Heap in use right after the most recent collection (young or full), without forcing one: what the live data
     * plus survivors take. A soak's heap is flat when this stays level.
     */
    static long heapAfterLastGc() {
        long latestEnd = -1;
        long used = 0;
        for (java.lang.management.GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof com.sun.management.GarbageCollectorMXBean gc
                    && gc.getLastGcInfo() != null
                    && gc.getLastGcInfo().getEndTime() > latestEnd) {
                latestEnd = gc.getLastGcInfo().getEndTime();
                used = gc.getLastGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> !pool.getKey().contains("Metaspace")
                                && !pool.getKey().contains("Code")
                                && !pool.getKey().contains("Compressed"))
                        .mapToLong(pool -> pool.getValue().getUsed())
                        .sum();
            }
        }
        return used;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long brokerCpuNanos(LocalKafka kafka) {
        return kafka.processHandle()
                .flatMap(h -> h.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(0L);
    }

    /** Bytes of the newest completed checkpoint ({@code chk-N} with its {@code _metadata}) under the job's directory. */
    static long lastCheckpointBytes(Path root) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return checkpointBytes(root);
            } catch (IOException | java.io.UncheckedIOException e) {
                // Flink removed a subsumed checkpoint while it was being measured: look again.
            }
        }
        return -1;
    }

    static long checkpointBytes(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Optional<Path> newest;
        try (Stream<Path> walk = Files.walk(root)) {
            newest = walk.filter(
                            d -> d.getFileName().toString().startsWith("chk-") && Files.exists(d.resolve("_metadata")))
                    .max(Comparator.comparingLong(
                            d -> Long.parseLong(d.getFileName().toString().substring(4))));
        }
        if (newest.isEmpty()) {
            return 0;
        }
        long bytes = 0;
        try (Stream<Path> files = Files.walk(newest.get())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(f);
            }
        }
        // Keyed state above the inline threshold lives in the job's shared/ directory; count it too.
        Path shared = newest.get().getParent().resolve("shared");
        if (Files.isDirectory(shared)) {
            try (Stream<Path> files = Files.walk(shared)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    bytes += Files.size(f);
                }
            }
        }
        return bytes;
    }

    static double percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(
                Locale.ROOT,
                "machine: %d cores, %.1f GB RAM, JVM %s %s (max heap %d MB), %s %s",
                rt.availableProcessors(),
                physical / 1e9,
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                rt.maxMemory() >> 20,
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }
}

package org.varsel.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.varsel.local.KafkaBrokers;

/**
 * Prints, while a bounded job works through a backlog, how far it got: the offsets its Kafka source committed at the
 * last completed checkpoint, summed over partitions, and the rate since the previous line.
 */
final class BacklogProgress implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-backlog-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final Admin admin;
    private final String group;
    private final String label;
    private final long total;
    private long lastRead;
    private long lastAt = System.nanoTime();

    BacklogProgress(KafkaBrokers kafka, String group, String label, long total, Duration every) {
        this.admin = kafka.admin();
        this.group = group;
        this.label = label;
        this.total = total;
        timer.scheduleAtFixedRate(this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void report() {
        try {
            long read = admin
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS)
                    .values()
                    .stream()
                    .filter(java.util.Objects::nonNull)
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
            long now = System.nanoTime();
            BenchCommand.progress(
                    "%s: %,d of %,d signals read (offsets of the last checkpoint), %,.0f/s",
                    label, read, total, (read - lastRead) / Math.max(1e-3, (now - lastAt) / 1e9));
            lastRead = read;
            lastAt = now;
        } catch (Exception e) {
            // progress is a courtesy: a slow broker under load skips a line rather than disturb the measurement
            BenchCommand.progress("%s: progress not available (%s)", label, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}

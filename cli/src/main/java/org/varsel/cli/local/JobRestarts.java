package org.varsel.cli.local;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * How often a local job failed over and restarted: a Flink metric reporter, registered in every local MiniCluster's
 * configuration ({@link LocalPipelineEnvironment}), that keeps each job's {@code numRestarts} gauge and its last value
 * when the job's metrics are removed. A bench run that failed over reprocesses from its last checkpoint, which the
 * throughput and CPU figures then include; {@code ./varsel bench} reads the count here and says so.
 */
public final class JobRestarts implements MetricReporter {
    static final String NAME = "varsel-restarts";
    private static final String NUM_RESTARTS = "numRestarts";
    private static final String JOB_ID = "<job_id>";

    private static final Map<String, Gauge<?>> LIVE = new ConcurrentHashMap<>();
    private static final Map<String, Long> FINAL = new ConcurrentHashMap<>();

    /** Restarts of the job so far (a running job) or in all (a job whose metrics are gone); 0 for an unknown job. */
    public static long of(JobID job) {
        String id = job.toHexString();
        Gauge<?> gauge = LIVE.get(id);
        return gauge != null ? value(gauge) : FINAL.getOrDefault(id, 0L);
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        String job = group.getAllVariables().get(JOB_ID);
        if (NUM_RESTARTS.equals(name) && job != null && metric instanceof Gauge<?> gauge) {
            LIVE.put(job, gauge);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        String job = group.getAllVariables().get(JOB_ID);
        if (NUM_RESTARTS.equals(name) && job != null && metric instanceof Gauge<?> gauge) {
            FINAL.merge(job, value(gauge), Math::max);
            LIVE.remove(job, gauge);
        }
    }

    private static long value(Gauge<?> gauge) {
        return gauge.getValue() instanceof Number n ? n.longValue() : 0;
    }

    /** Found by Flink through {@code META-INF/services} and named in the configuration by class. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(java.util.Properties properties) {
            return new JobRestarts();
        }
    }
}

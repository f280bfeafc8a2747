package org.varsel.cli.local;

import java.nio.file.Path;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The local MiniCluster environment of the commands that run the pipeline in this JVM ({@code demo}, {@code replay},
 * {@code bench}): checkpoints go to files under a directory. Flink's default checkpoint storage (the JobManager's
 * memory) refuses a state handle over 5 MB; the dedupe state of one subtask passes that after ~50,000 signals, and
 * from then on every checkpoint fails, so exactly-once output is never committed again.
 */
public final class LocalPipelineEnvironment {
    private static final String LOOPBACK = "127.0.0.1";

    private LocalPipelineEnvironment() {}

    /** Heap state, full snapshots: the local default. */
    public static StreamExecutionEnvironment create(int parallelism, Path checkpoints) {
        return create(parallelism, checkpoints, "hashmap");
    }

    /**
     * {@code stateBackend}: {@code hashmap}, {@code rocksdb} (incremental checkpoints) or {@code changelog} (heap state
     * under Flink's generic log-based incremental checkpoints, see {@link #CHANGELOG}).
     */
    public static StreamExecutionEnvironment create(int parallelism, Path checkpoints, String stateBackend) {
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, configuration(checkpoints, stateBackend));
    }

    /**
     * Heap state, with Flink's REST API on loopback at {@code restPort}: what the demo's desk watches for the job's state
     * and restarts (docs/operations.md, Pipeline status).
     */
    public static StreamExecutionEnvironment serving(int parallelism, Path checkpoints, int restPort) {
        Configuration config = configuration(checkpoints, "hashmap");
        config.set(RestOptions.BIND_PORT, Integer.toString(restPort));
        config.set(RestOptions.PORT, restPort);
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
    }

    /**
     * Heap state whose checkpoints write the state changes since the last one (a log under the checkpoint directory)
     * instead of the whole heap every second; the heap snapshot is materialised in the background every few minutes.
     */
    public static final String CHANGELOG = "changelog";

    /**
     * Where RocksDB keeps timers: on the heap, as the manifests do. A column family of timers written between
     * checkpoints is one more memtable flushed in each keyed operator's synchronous part (docs/performance.md).
     */
    static final ConfigOption<String> ROCKSDB_TIMERS = ConfigOptions.key("state.backend.rocksdb.timer-service.factory")
            .stringType()
            .noDefaultValue();

    static Configuration configuration(Path checkpoints, String stateBackend) {
        Configuration config = new Configuration();
        // Nothing of the local cluster is reachable from the network: its REST API (no authentication) and blob server
        // bind to loopback, and the REST API cannot cancel jobs.
        config.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        config.set(RestOptions.ADDRESS, LOOPBACK);
        config.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        config.set(JobManagerOptions.ADDRESS, LOOPBACK);
        config.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        config.set(TaskManagerOptions.HOST, LOOPBACK);
        config.set(WebOptions.CANCEL_ENABLE, false);
        boolean changelog = CHANGELOG.equals(stateBackend);
        config.set(StateBackendOptions.STATE_BACKEND, changelog ? "hashmap" : stateBackend);
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, "rocksdb".equals(stateBackend));
        if ("rocksdb".equals(stateBackend)) {
            config.set(ROCKSDB_TIMERS, "HEAP");
        }
        if (changelog) {
            config.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, true);
            config.set(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
            config.set(
                    FsStateChangelogOptions.BASE_PATH,
                    checkpoints.resolve("changelog").toUri().toString());
        }
        // counts each job's restarts, so a run that failed over can say so (JobRestarts)
        config.set(
                ConfigOptions.key("metrics.reporter." + JobRestarts.NAME + ".factory.class")
                        .stringType()
                        .noDefaultValue(),
                JobRestarts.Factory.class.getName());
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        return config;
    }
}

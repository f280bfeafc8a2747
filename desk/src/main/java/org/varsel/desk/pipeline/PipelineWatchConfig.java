package org.varsel.desk.pipeline;

import java.time.Duration;
import java.util.Map;
import org.varsel.contract.Topics;
import org.varsel.contract.settings.Settings;

/**
 * Where the desk looks to tell how the pipeline is doing (docs/configuration.md).
 *
 * @param flinkRestUrl the Flink REST API of the pipeline's cluster; empty: the desk watches no pipeline (a desk embedded
 *     in tests of its own), and {@code /healthz} then reports on the desk alone
 * @param lagStall how long the pipeline may leave a lag on the raw topic without committing progress before
 *     {@code /healthz} says it stalls
 */
public record PipelineWatchConfig(
        String flinkRestUrl,
        String jobName,
        String kafkaGroup,
        String rawTopic,
        Duration lagStall,
        Duration pollInterval) {
    public static final String FLINK_REST_URL = "desk.pipeline.flink-rest-url";
    public static final String JOB_NAME = "desk.pipeline.job-name";
    public static final String KAFKA_GROUP = "desk.pipeline.kafka-group";
    public static final String RAW_TOPIC = "desk.pipeline.raw-topic";
    public static final String LAG_STALL = "desk.pipeline.lag-stall";
    public static final String POLL_INTERVAL = "desk.pipeline.poll-interval";
    /** Every key of the pipeline watch and its default: the pipeline's REST API on this machine (loopback), its default
     * group and raw topic. */
    public static final Map<String, String> DEFAULTS = Map.of(
            FLINK_REST_URL, "http://127.0.0.1:8081",
            JOB_NAME, "varsel-pipeline",
            KAFKA_GROUP, "varsel-pipeline",
            RAW_TOPIC, Topics.SIGNALS_RAW,
            LAG_STALL, "PT2M",
            POLL_INTERVAL, "PT5S");

    public PipelineWatchConfig {
        if (lagStall.isNegative() || lagStall.isZero() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException(LAG_STALL + " and " + POLL_INTERVAL + " must be positive");
        }
    }

    /** The pipeline-watch keys among the desk's settings. */
    public static PipelineWatchConfig from(Settings settings) {
        return new PipelineWatchConfig(
                settings.text(FLINK_REST_URL).replaceAll("/+$", ""),
                settings.text(JOB_NAME),
                settings.text(KAFKA_GROUP),
                settings.text(RAW_TOPIC),
                settings.duration(LAG_STALL),
                settings.duration(POLL_INTERVAL));
    }

    public boolean watched() {
        return !flinkRestUrl.isEmpty();
    }
}

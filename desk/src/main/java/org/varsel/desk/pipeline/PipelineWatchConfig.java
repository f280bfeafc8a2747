package org.varsel.desk.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.Topics;
import org.varsel.desk.config.DeskConfig;

/**
 * Where the desk looks to tell how the pipeline is doing (docs/configuration.md).
 *
 * @param flinkRestUrl the Flink REST API of the pipeline's cluster; empty: the desk watches no pipeline (a desk embedded
 *     in tests of its own), and {@code /healthz} then reports on the desk alone
 * @param lagStall how long the pipeline may leave a lag on the raw topic without committing progress before
 *     {@code /healthz} says it stalls
 */
public record PipelineWatchConfig(String flinkRestUrl, String jobName, String kafkaGroup, String rawTopic, Duration lagStall,
    Duration pollInterval) {
  public static final String FLINK_REST_URL = "desk.pipeline.flink-rest-url";
  public static final String JOB_NAME = "desk.pipeline.job-name";
  public static final String KAFKA_GROUP = "desk.pipeline.kafka-group";
  public static final String RAW_TOPIC = "desk.pipeline.raw-topic";
  public static final String LAG_STALL = "desk.pipeline.lag-stall";
  public static final String POLL_INTERVAL = "desk.pipeline.poll-interval";
  public static final List<String> KEYS = List.of(FLINK_REST_URL, JOB_NAME, KAFKA_GROUP, RAW_TOPIC, LAG_STALL, POLL_INTERVAL);

  private static final Map<String, String> DEFAULTS = Map.of(
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

  public static boolean owns(String key) {
    return KEYS.contains(key);
  }

  /** The defaults: the pipeline's REST API on this machine (loopback), its default group and raw topic. */
  public static PipelineWatchConfig defaults() {
    return fromMap(Map.of());
  }

  /** A desk that watches no pipeline: what embedded desks without a pipeline of their own use. */
  public static PipelineWatchConfig unwatched() {
    return fromMap(Map.of(FLINK_REST_URL, ""));
  }

  /** The properties file (if given), then the environment ({@code VARSEL_DESK_PIPELINE_FLINK_REST_URL}, ...). */
  public static PipelineWatchConfig load(Optional<Path> propertiesFile, Map<String, String> environment) {
    return fromMap(DeskConfig.values(propertiesFile, environment, KEYS));
  }

  public static PipelineWatchConfig fromMap(Map<String, String> values) {
    Map<String, String> merged = new HashMap<>(DEFAULTS);
    KEYS.stream().filter(values::containsKey).forEach(key -> merged.put(key, values.get(key).trim()));
    return new PipelineWatchConfig(merged.get(FLINK_REST_URL).replaceAll("/+$", ""), merged.get(JOB_NAME),
        merged.get(KAFKA_GROUP), merged.get(RAW_TOPIC), duration(merged, LAG_STALL), duration(merged, POLL_INTERVAL));
  }

  public boolean watched() {
    return !flinkRestUrl.isEmpty();
  }

  private static Duration duration(Map<String, String> values, String key) {
    try {
      return Duration.parse(values.get(key));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + "=" + values.get(key) + " is not an ISO-8601 duration such as PT2M");
    }
  }
}

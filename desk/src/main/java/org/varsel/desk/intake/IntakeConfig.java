package org.varsel.desk.intake;

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
 * The intake settings of the desk ({@code desk.intake.*}, see {@code docs/configuration.md}); read from the same
 * file and environment as {@link DeskConfig}.
 *
 * @param feedsFile the feeds file (RSS/Atom and drop folders); empty: no feeds
 */
public record IntakeConfig(
    String rawTopic,
    String deadLetterTopic,
    Duration publishTimeout,
    long maxBulkBytes,
    long maxStixBytes,
    int requestsPerMinute,
    int burst,
    Optional<Path> feedsFile) {

  public static final String PREFIX = "desk.intake.";
  public static final String RAW_TOPIC = "desk.intake.raw-topic";
  public static final String DLQ_TOPIC = "desk.intake.dlq-topic";
  public static final String PUBLISH_TIMEOUT = "desk.intake.publish-timeout";
  public static final String MAX_BULK_BYTES = "desk.intake.max-bulk-bytes";
  public static final String MAX_STIX_BYTES = "desk.intake.max-stix-bytes";
  public static final String REQUESTS_PER_MINUTE = "desk.intake.rate-limit.requests-per-minute";
  public static final String BURST = "desk.intake.rate-limit.burst";
  public static final String FEEDS_FILE = "desk.intake.feeds-file";

  /** Every intake key, in documentation order. */
  public static final List<String> KEYS = List.of(RAW_TOPIC, DLQ_TOPIC, PUBLISH_TIMEOUT, MAX_BULK_BYTES,
      MAX_STIX_BYTES, REQUESTS_PER_MINUTE, BURST, FEEDS_FILE);

  private static final Map<String, String> DEFAULTS = Map.of(
      RAW_TOPIC, Topics.SIGNALS_RAW,
      DLQ_TOPIC, Topics.SIGNALS_DLQ,
      PUBLISH_TIMEOUT, "PT30S",
      MAX_BULK_BYTES, Long.toString(256L * 1024 * 1024),
      MAX_STIX_BYTES, Long.toString(16L * 1024 * 1024),
      REQUESTS_PER_MINUTE, "600",
      BURST, "60",
      FEEDS_FILE, "");

  public IntakeConfig {
    requireText(rawTopic, RAW_TOPIC);
    requireText(deadLetterTopic, DLQ_TOPIC);
    if (publishTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(PUBLISH_TIMEOUT + " must be at least PT1S, was " + publishTimeout);
    }
    if (maxBulkBytes < 1024 || maxStixBytes < 1024) {
      throw new IllegalArgumentException(MAX_BULK_BYTES + " and " + MAX_STIX_BYTES + " must be at least 1024");
    }
    if (requestsPerMinute < 1 || burst < 1) {
      throw new IllegalArgumentException(REQUESTS_PER_MINUTE + " and " + BURST + " must be at least 1");
    }
  }

  public static IntakeConfig defaults() {
    return fromMap(Map.of());
  }

  /** Reads the properties file (if given), then lets the environment ({@code VARSEL_DESK_INTAKE_*}) override. */
  public static IntakeConfig load(Optional<Path> propertiesFile, Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    propertiesFile.ifPresent(file -> values.putAll(DeskConfig.readProperties(file)));
    for (String key : KEYS) {
      String fromEnvironment = environment.get(DeskConfig.environmentName(key));
      if (fromEnvironment != null) {
        values.put(key, fromEnvironment);
      }
    }
    return fromMap(values);
  }

  /** The intake settings among these keys (others are ignored), defaults for the rest; unknown intake keys fail. */
  public static IntakeConfig fromMap(Map<String, String> values) {
    Map<String, String> merged = new HashMap<>(DEFAULTS);
    values.forEach((key, value) -> {
      if (key.startsWith(PREFIX)) {
        if (!KEYS.contains(key)) {
          throw new IllegalArgumentException("unknown intake setting: " + key + " (known: " + KEYS + ")");
        }
        merged.put(key, value.trim());
      }
    });
    String feeds = merged.get(FEEDS_FILE);
    return new IntakeConfig(
        merged.get(RAW_TOPIC),
        merged.get(DLQ_TOPIC),
        duration(merged.get(PUBLISH_TIMEOUT), PUBLISH_TIMEOUT),
        number(merged.get(MAX_BULK_BYTES), MAX_BULK_BYTES),
        number(merged.get(MAX_STIX_BYTES), MAX_STIX_BYTES),
        (int) number(merged.get(REQUESTS_PER_MINUTE), REQUESTS_PER_MINUTE),
        (int) number(merged.get(BURST), BURST),
        feeds.isEmpty() ? Optional.empty() : Optional.of(Path.of(feeds)));
  }

  /** Whether the key belongs to intake (so {@link DeskConfig} leaves it to this class). */
  public static boolean owns(String key) {
    return key.startsWith(PREFIX);
  }

  public IntakeConfig withFeedsFile(Path file) {
    return new IntakeConfig(rawTopic, deadLetterTopic, publishTimeout, maxBulkBytes, maxStixBytes,
        requestsPerMinute, burst, Optional.of(file));
  }

  public IntakeConfig withRateLimit(int perMinute, int burstSize) {
    return new IntakeConfig(rawTopic, deadLetterTopic, publishTimeout, maxBulkBytes, maxStixBytes, perMinute,
        burstSize, feedsFile);
  }

  public IntakeConfig withMaxBulkBytes(long bytes) {
    return new IntakeConfig(rawTopic, deadLetterTopic, publishTimeout, bytes, maxStixBytes, requestsPerMinute,
        burst, feedsFile);
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be empty");
    }
  }

  private static long number(String value, String key) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + value + "'", e);
    }
  }

  private static Duration duration(String value, String key) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT30S, was '" + value + "'", e);
    }
  }
}

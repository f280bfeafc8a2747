package org.varsel.desk.retention;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.varsel.desk.config.DeskConfig;

/**
 * How long the desk keeps each class of data ({@code desk.retention.*}; docs/privacy.md has the reasons).
 *
 * @param evidence evidence signals (texts, authors, links) of incidents that are not kept
 * @param incidents incidents that nobody confirmed or escalated, after their last signal
 * @param confirmedIncidents confirmed or escalated incidents (or ones a brief went out for), after their last activity
 * @param receipts intake receipts of signals (unless a kept incident shows the signal)
 * @param deadLetters dead letters and rejected incident messages
 * @param audit audit events (unless they belong to a kept incident)
 * @param pipelineState how long the pipeline's state can keep a person's posts (its {@code pipeline.incidents.state-ttl}):
 *     the erasure register counts that store done this long after a request
 */
public record RetentionConfig(
    boolean enabled, Duration interval, Duration evidence, Duration incidents, Duration confirmedIncidents,
    Duration receipts, Duration deadLetters, Duration audit, Duration pipelineState) {
  public static final String PREFIX = "desk.retention.";
  public static final String ENABLED = PREFIX + "enabled";
  public static final String INTERVAL = PREFIX + "interval";
  public static final String EVIDENCE = PREFIX + "evidence";
  public static final String INCIDENTS = PREFIX + "incidents";
  public static final String CONFIRMED_INCIDENTS = PREFIX + "confirmed-incidents";
  public static final String RECEIPTS = PREFIX + "receipts";
  public static final String DEAD_LETTERS = PREFIX + "dead-letters";
  public static final String AUDIT = PREFIX + "audit";
  public static final String PIPELINE_STATE = PREFIX + "pipeline-state";

  public static final List<String> KEYS =
      List.of(ENABLED, INTERVAL, EVIDENCE, INCIDENTS, CONFIRMED_INCIDENTS, RECEIPTS, DEAD_LETTERS, AUDIT, PIPELINE_STATE);

  private static final Map<String, String> DEFAULTS = defaultValues();

  private static Map<String, String> defaultValues() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(ENABLED, "true");
    d.put(INTERVAL, "PT1H");
    d.put(EVIDENCE, "P30D");
    d.put(INCIDENTS, "P90D");
    d.put(CONFIRMED_INCIDENTS, "P730D");
    d.put(RECEIPTS, "P30D");
    d.put(DEAD_LETTERS, "P30D");
    d.put(AUDIT, "P1095D");
    d.put(PIPELINE_STATE, "P2D");
    return d;
  }

  public RetentionConfig {
    for (Duration d : List.of(interval, evidence, incidents, confirmedIncidents, receipts, deadLetters, audit,
        pipelineState)) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("desk.retention.* periods must be positive");
      }
    }
    if (evidence.compareTo(incidents) > 0) {
      throw new IllegalArgumentException(EVIDENCE + " must not exceed " + INCIDENTS);
    }
    if (incidents.compareTo(confirmedIncidents) > 0) {
      throw new IllegalArgumentException(INCIDENTS + " must not exceed " + CONFIRMED_INCIDENTS);
    }
  }

  public static boolean owns(String key) {
    return key.startsWith(PREFIX);
  }

  public static RetentionConfig defaults() {
    return fromMap(Map.of());
  }

  /** The properties file (if any), then the environment ({@code VARSEL_DESK_RETENTION_*}). */
  public static RetentionConfig load(Optional<Path> file, Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    file.ifPresent(f -> DeskConfig.readProperties(f).forEach((k, v) -> {
      if (owns(k)) {
        values.put(k, v);
      }
    }));
    for (String key : KEYS) {
      String fromEnvironment = environment.get(DeskConfig.environmentName(key));
      if (fromEnvironment != null) {
        values.put(key, fromEnvironment);
      }
    }
    return fromMap(values);
  }

  public static RetentionConfig fromMap(Map<String, String> values) {
    Map<String, String> v = new HashMap<>(DEFAULTS);
    values.forEach((key, value) -> {
      if (owns(key)) {
        if (!KEYS.contains(key)) {
          throw new IllegalArgumentException("unknown desk setting: " + key + " (known: " + KEYS + ")");
        }
        v.put(key, value.trim());
      }
    });
    String enabled = v.get(ENABLED);
    if (!enabled.equals("true") && !enabled.equals("false")) {
      throw new IllegalArgumentException(ENABLED + " must be true or false, was '" + enabled + "'");
    }
    return new RetentionConfig(Boolean.parseBoolean(enabled), duration(v, INTERVAL), duration(v, EVIDENCE),
        duration(v, INCIDENTS), duration(v, CONFIRMED_INCIDENTS), duration(v, RECEIPTS), duration(v, DEAD_LETTERS),
        duration(v, AUDIT), duration(v, PIPELINE_STATE));
  }

  private static Duration duration(Map<String, String> values, String key) {
    try {
      return Duration.parse(values.get(key));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + "=" + values.get(key) + " is not an ISO-8601 duration such as P30D", e);
    }
  }
}

package org.varsel.desk.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.Topics;
import org.varsel.desk.childsafety.ChildSafetyConfig;
import org.varsel.desk.intake.IntakeConfig;

/**
 * Everything the desk needs to run; see {@code docs/configuration.md}. {@link #toString()} never shows the password.
 *
 * @param httpPort 0 picks a free port (tests, embedded use)
 * @param briefsConfig the brief settings file (YAML); empty: the settings bundled with the desk
 * @param requestBodyTimeout how long a request body may pause before the desk answers 408
 * @param kafkaLogin how the desk logs in to Kafka (desk.kafka.security-protocol, ...)
 * @param intakeKafkaLogin how intake logs in to write raw signals: its own principal, or the desk's if none is given
 * @param handleKey the pipeline's {@code pipeline.privacy.handle-key}, so that a handle an analyst searches for is
 *     pseudonymised as the pipeline did; empty: the queue finds public (clear) handles only. Never shown
 */
public record DeskConfig(
    String httpHost,
    int httpPort,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String kafkaBootstrap,
    String kafkaGroup,
    String incidentTopic,
    boolean demoAnonymousRead,
    String briefsConfig,
    Duration requestBodyTimeout,
    KafkaLogin kafkaLogin,
    KafkaLogin intakeKafkaLogin,
    String handleKey) {

  public static final String HTTP_HOST = "desk.http.host";
  public static final String HTTP_PORT = "desk.http.port";
  public static final String DB_URL = "desk.db.url";
  public static final String DB_USER = "desk.db.user";
  public static final String DB_PASSWORD = "desk.db.password";
  public static final String KAFKA_BOOTSTRAP = "desk.kafka.bootstrap";
  public static final String KAFKA_GROUP = "desk.kafka.group";
  public static final String INCIDENT_TOPIC = "desk.kafka.incident-topic";
  public static final String DEMO_ANONYMOUS_READ = "desk.demo.anonymous-read";
  public static final String BRIEFS_CONFIG = "desk.briefs.config";
  public static final String REQUEST_BODY_TIMEOUT = "desk.http.request-body-timeout";
  public static final String KAFKA_LOGIN_PREFIX = "desk.kafka.";
  public static final String INTAKE_KAFKA_USERNAME = "desk.kafka.intake-sasl-username";
  public static final String INTAKE_KAFKA_PASSWORD = "desk.kafka.intake-sasl-password";
  public static final String HANDLE_KEY = "desk.privacy.handle-key";
  private static final List<String> KAFKA_LOGIN_KEYS = KafkaLogin.KEY_SUFFIXES.stream().map(k -> KAFKA_LOGIN_PREFIX + k).toList();

  /** Every key the desk reads, in documentation order. */
  public static final List<String> KEYS = List.of(
      HTTP_HOST, HTTP_PORT, DB_URL, DB_USER, DB_PASSWORD, KAFKA_BOOTSTRAP, KAFKA_GROUP, INCIDENT_TOPIC, DEMO_ANONYMOUS_READ,
      BRIEFS_CONFIG, REQUEST_BODY_TIMEOUT, KAFKA_LOGIN_KEYS.get(0), KAFKA_LOGIN_KEYS.get(1), KAFKA_LOGIN_KEYS.get(2),
      KAFKA_LOGIN_KEYS.get(3), INTAKE_KAFKA_USERNAME, INTAKE_KAFKA_PASSWORD, HANDLE_KEY);

  private static final Map<String, String> DEFAULTS = Map.ofEntries(
      Map.entry(HTTP_HOST, "127.0.0.1"),
      Map.entry(HTTP_PORT, "8080"),
      Map.entry(DB_URL, "jdbc:postgresql://localhost:5432/varsel"),
      Map.entry(DB_USER, "varsel"),
      Map.entry(DB_PASSWORD, ""),
      Map.entry(KAFKA_BOOTSTRAP, "localhost:9092"),
      Map.entry(KAFKA_GROUP, "varsel-desk"),
      Map.entry(INCIDENT_TOPIC, Topics.INCIDENTS),
      Map.entry(DEMO_ANONYMOUS_READ, "false"),
      Map.entry(BRIEFS_CONFIG, ""),
      Map.entry(REQUEST_BODY_TIMEOUT, "PT30S"),
      Map.entry(INTAKE_KAFKA_USERNAME, ""),
      Map.entry(INTAKE_KAFKA_PASSWORD, ""),
      Map.entry(HANDLE_KEY, ""));

  public DeskConfig {
    requireText(httpHost, HTTP_HOST);
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException(HTTP_PORT + " must be 0-65535, was " + httpPort);
    }
    requireText(dbUrl, DB_URL);
    if (!dbUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(DB_URL + " must be a jdbc:postgresql: URL");
    }
    requireText(dbUser, DB_USER);
    Objects.requireNonNull(dbPassword, DB_PASSWORD);
    requireText(kafkaBootstrap, KAFKA_BOOTSTRAP);
    requireText(kafkaGroup, KAFKA_GROUP);
    requireText(incidentTopic, INCIDENT_TOPIC);
    Objects.requireNonNull(briefsConfig, BRIEFS_CONFIG);
    Objects.requireNonNull(handleKey, HANDLE_KEY);
    if (requestBodyTimeout.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException(REQUEST_BODY_TIMEOUT + " must be at least PT0.1S, was " + requestBodyTimeout);
    }
  }

  /** The settings without a brief settings file of their own (the bundled brief settings). */
  public DeskConfig(String httpHost, int httpPort, String dbUrl, String dbUser, String dbPassword,
      String kafkaBootstrap, String kafkaGroup, String incidentTopic, boolean demoAnonymousRead) {
    this(httpHost, httpPort, dbUrl, dbUser, dbPassword, kafkaBootstrap, kafkaGroup, incidentTopic, demoAnonymousRead, "",
        Duration.ofSeconds(30), KafkaLogin.none(), KafkaLogin.none(), "");
  }

  /** The settings from the defaults alone. */
  public static DeskConfig defaults() {
    return fromMap(Map.of());
  }

  /**
   * Reads the properties file (if given), then lets the environment override any key: {@code desk.db.password} is
   * overridden by {@code VARSEL_DESK_DB_PASSWORD}.
   */
  public static DeskConfig load(Optional<Path> propertiesFile, Map<String, String> environment) {
    return fromMap(values(propertiesFile, environment, KEYS));
  }

  /** A part's own keys among {@code values}, trimmed, over its defaults. */
  public static Map<String, String> overDefaults(Map<String, String> defaults, Map<String, String> values,
      List<String> keys) {
    Map<String, String> merged = new HashMap<>(defaults);
    values.forEach((key, value) -> {
      if (keys.contains(key)) {
        merged.put(key, value.trim());
      }
    });
    return merged;
  }

  /** The properties file's key-value pairs (if given), then the environment's value of any of {@code keys}. */
  public static Map<String, String> values(Optional<Path> propertiesFile, Map<String, String> environment, List<String> keys) {
    Map<String, String> values = new HashMap<>();
    propertiesFile.ifPresent(file -> values.putAll(readProperties(file)));
    for (String key : keys) {
      String fromEnvironment = environment.get(environmentName(key));
      if (fromEnvironment != null) {
        values.put(key, fromEnvironment);
      }
    }
    return values;
  }

  /** The settings given by these keys, defaults for the rest; unknown {@code desk.*} keys are refused (typos). */
  public static DeskConfig fromMap(Map<String, String> values) {
    for (String key : values.keySet()) {
      if (key.startsWith("desk.") && !KEYS.contains(key) && !IntakeConfig.owns(key)
          && !org.varsel.desk.retention.RetentionConfig.owns(key) && !ChildSafetyConfig.owns(key)
          && !org.varsel.desk.pipeline.PipelineWatchConfig.owns(key) && !org.varsel.desk.alert.AlertConfig.owns(key)
          && !org.varsel.desk.cases.CaseConfig.owns(key)) {
        throw new IllegalArgumentException("unknown desk setting: " + key + " (known: " + KEYS + ")");
      }
    }
    Map<String, String> merged = new HashMap<>(DEFAULTS);
    values.forEach((key, value) -> merged.put(key, value.trim()));
    return new DeskConfig(
        merged.get(HTTP_HOST),
        parseInt(merged.get(HTTP_PORT), HTTP_PORT),
        merged.get(DB_URL),
        merged.get(DB_USER),
        merged.get(DB_PASSWORD),
        merged.get(KAFKA_BOOTSTRAP),
        merged.get(KAFKA_GROUP),
        merged.get(INCIDENT_TOPIC),
        parseBoolean(merged.get(DEMO_ANONYMOUS_READ), DEMO_ANONYMOUS_READ),
        merged.get(BRIEFS_CONFIG),
        duration(merged.get(REQUEST_BODY_TIMEOUT), REQUEST_BODY_TIMEOUT),
        KafkaLogin.fromSettings(merged, KAFKA_LOGIN_PREFIX),
        intakeLogin(merged),
        merged.get(HANDLE_KEY));
  }

  /** Intake's own principal, with the desk's protocol and mechanism; the desk's login when none is given. */
  private static KafkaLogin intakeLogin(Map<String, String> merged) {
    KafkaLogin desk = KafkaLogin.fromSettings(merged, KAFKA_LOGIN_PREFIX);
    String user = merged.get(INTAKE_KAFKA_USERNAME);
    return user.isEmpty() ? desk
        : new KafkaLogin(desk.securityProtocol(), desk.saslMechanism(), user, merged.get(INTAKE_KAFKA_PASSWORD));
  }

  /** The same settings with these Kafka logins (the demo's generated principals). */
  public DeskConfig withKafkaLogins(KafkaLogin desk, KafkaLogin intake) {
    return new DeskConfig(httpHost, httpPort, dbUrl, dbUser, dbPassword, kafkaBootstrap, kafkaGroup, incidentTopic, demoAnonymousRead, briefsConfig,
        requestBodyTimeout, desk, intake, handleKey);
  }

  /** The environment variable that overrides a key: upper case, with {@code .} and {@code -} as {@code _}. */
  public static String environmentName(String key) {
    return "VARSEL_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public DeskConfig withHttpPort(int port) {
    return new DeskConfig(httpHost, port, dbUrl, dbUser, dbPassword, kafkaBootstrap, kafkaGroup, incidentTopic, demoAnonymousRead, briefsConfig,
        requestBodyTimeout, kafkaLogin, intakeKafkaLogin, handleKey);
  }

  public DeskConfig withDemoAnonymousRead(boolean anonymousRead) {
    return new DeskConfig(httpHost, httpPort, dbUrl, dbUser, dbPassword, kafkaBootstrap, kafkaGroup, incidentTopic, anonymousRead, briefsConfig,
        requestBodyTimeout, kafkaLogin, intakeKafkaLogin, handleKey);
  }

  /** The same settings with the pipeline's handle key (the demo's key of this run). */
  public DeskConfig withHandleKey(String key) {
    return new DeskConfig(httpHost, httpPort, dbUrl, dbUser, dbPassword, kafkaBootstrap, kafkaGroup, incidentTopic, demoAnonymousRead, briefsConfig,
        requestBodyTimeout, kafkaLogin, intakeKafkaLogin, key);
  }

  public DeskConfig withIncidentTopic(String topic) {
    return new DeskConfig(httpHost, httpPort, dbUrl, dbUser, dbPassword, kafkaBootstrap, kafkaGroup, topic, demoAnonymousRead, briefsConfig,
        requestBodyTimeout, kafkaLogin, intakeKafkaLogin, handleKey);
  }

  @Override
  public String toString() {
    return "DeskConfig[httpHost=" + httpHost + ", httpPort=" + httpPort + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser
        + ", dbPassword=" + (dbPassword.isEmpty() ? "(empty)" : "(set)") + ", kafkaBootstrap=" + kafkaBootstrap
        + ", kafkaGroup=" + kafkaGroup + ", incidentTopic=" + incidentTopic + ", demoAnonymousRead=" + demoAnonymousRead
        + ", briefsConfig=" + (briefsConfig.isEmpty() ? "(bundled)" : briefsConfig)
        + ", requestBodyTimeout=" + requestBodyTimeout + ", kafkaLogin=" + kafkaLogin + ", intakeKafkaLogin=" + intakeKafkaLogin
        + ", handleKey=" + (handleKey.isEmpty() ? "(empty)" : "(set)") + "]";
  }

  /** The key-value pairs of a properties file. */
  public static Map<String, String> readProperties(Path file) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read desk configuration " + file, e);
    }
    Map<String, String> values = new HashMap<>();
    properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
    return values;
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be empty");
    }
  }

  private static int parseInt(String value, String key) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + value + "'", e);
    }
  }

  private static Duration duration(String value, String key) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be an ISO-8601 duration (PT30S), was '" + value + "'", e);
    }
  }

  private static boolean parseBoolean(String value, String key) {
    if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
  }
}

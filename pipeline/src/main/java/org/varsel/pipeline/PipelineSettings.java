package org.varsel.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.Topics;
import org.varsel.pipeline.campaign.CampaignSettings;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.EarlyWarningSettings;
import org.varsel.pipeline.feedback.FeedbackSettings;
import org.varsel.pipeline.privacy.PrivacySettings;

/**
 * Everything the pipeline can be told, with its defaults. Read from a properties file, then overridden by
 * environment variables ({@code pipeline.kafka.bootstrap} ← {@code VARSEL_PIPELINE_KAFKA_BOOTSTRAP}).
 * Every key is documented in docs/configuration.md.
 */
public record PipelineSettings(
    String kafkaBootstrap,
    String kafkaGroup,
    String rawTopic,
    String deadLetterTopic,
    String incidentTopic,
    String rulesTopic,
    String shadowHitTopic,
    String rulesDirectory,
    String transactionalIdPrefix,
    Duration transactionTimeout,
    Duration checkpointInterval,
    Duration outOfOrderness,
    Duration sourceIdleness,
    Duration maxPartitionDrift,
    Duration dedupeMemory,
    int parallelism,
    boolean bounded,
    CorrelationSettings correlation,
    PrivacySettings privacy,
    String hotlineTopic,
    CampaignSettings campaigns,
    boolean perRecordWatermarks,
    KafkaLogin kafkaLogin,
    String feedbackTopic,
    String rulePrecisionTopic,
    FeedbackSettings feedback,
    EarlyWarningSettings earlyWarning) {

  /** Where the job's Kafka login keys live: {@code pipeline.kafka.security-protocol}, {@code ...sasl-username}, .... */
  public static final String KAFKA_LOGIN_PREFIX = "pipeline.kafka.";

  /** A list of ISO-8601 durations, each read like any other duration setting. */
  private static final String EARLY_WARNING_PERIODS = "pipeline.early-warning.periods";

  /** Keys and their defaults, in the order docs/configuration.md lists them. */
  public static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new TreeMap<>();
    d.put("pipeline.kafka.bootstrap", "localhost:9092");
    d.put("pipeline.kafka.group", "varsel-pipeline");
    d.put("pipeline.topics.raw", Topics.SIGNALS_RAW);
    d.put("pipeline.topics.dlq", Topics.SIGNALS_DLQ);
    d.put("pipeline.topics.incidents", Topics.INCIDENTS);
    d.put("pipeline.topics.rules", Topics.RULES);
    d.put("pipeline.topics.shadow-hits", Topics.SHADOW_HITS);
    d.put("pipeline.topics.hotline", Topics.HOTLINE);
    d.put("pipeline.topics.feedback", Topics.FEEDBACK);
    d.put("pipeline.topics.rule-precision", Topics.RULE_PRECISION);
    d.put("pipeline.feedback.precision-floor", "0.5");
    d.put("pipeline.feedback.min-verdicts", "10");
    d.put("pipeline.feedback.suppression-ttl", "P30D");
    d.put("pipeline.feedback.state-ttl", "P90D");
    d.put("pipeline.feedback.report-interval", "PT1M");
    d.put("pipeline.rules.dir", "");
    d.put("pipeline.kafka.transactional-id-prefix", "varsel-pipeline");
    d.put("pipeline.kafka.transaction-timeout", "PT15M");
    d.put("pipeline.checkpoint.interval", "PT10S");
    d.put("pipeline.event-time.out-of-orderness", "PT5M");
    d.put("pipeline.event-time.source-idleness", "PT30S");
    d.put("pipeline.event-time.max-partition-drift", "PT10M");
    d.put("pipeline.dedupe.memory", "P7D");
    d.put("pipeline.parallelism", "0");
    d.put("pipeline.bounded", "false");
    d.put("pipeline.co-similar.min-accounts", "5");
    d.put("pipeline.co-similar.window", "PT1H");
    d.put("pipeline.co-similar.jaccard", "0.8");
    d.put("pipeline.co-similar.min-words", "5");
    d.put("pipeline.co-similar.shingle-words", "3");
    d.put("pipeline.co-similar.hashes", "64");
    d.put("pipeline.co-link.min-accounts", "5");
    d.put("pipeline.co-link.window", "PT1H");
    d.put("pipeline.hashtag-push.min-accounts", "10");
    d.put("pipeline.hashtag-push.factor", "5");
    d.put("pipeline.surge.min-accounts", "10");
    d.put("pipeline.surge.factor", "5");
    d.put("pipeline.baseline.bucket", "PT10M");
    d.put("pipeline.baseline.alpha", "0.2");
    d.put("pipeline.high-severity.rule-severity", "4");
    d.put("pipeline.high-severity.hateful-score", "0.9");
    d.put("pipeline.partner.min-confidence", "80");
    d.put("pipeline.incidents.idle-timeout", "PT1H");
    d.put("pipeline.incidents.update-interval", "PT5M");
    d.put("pipeline.incidents.state-ttl", "P2D");
    d.put("pipeline.campaigns.min-containment", "0.5");
    d.put("pipeline.campaigns.max-gap", "PT1H");
    d.put("pipeline.campaigns.max-span", "P1D");
    d.put("pipeline.event-time.watermarks", "periodic");
    d.put(EARLY_WARNING_PERIODS, "P1D,P7D");
    d.put("pipeline.early-warning.baseline-periods", "8");
    d.put("pipeline.early-warning.sigmas", "2");
    d.put("pipeline.early-warning.sustained-periods", "3");
    d.put("pipeline.early-warning.min-count", "5");
    d.put(PrivacySettings.HANDLE_KEY, "");
    d.put(PrivacySettings.PUBLIC_ACCOUNTS, "");
    d.putAll(KafkaLogin.defaults(KAFKA_LOGIN_PREFIX));
    return Map.copyOf(d);
  }

  public static PipelineSettings defaultSettings() {
    return from(Map.of());
  }

  /** Settings from a properties file (if given) overlaid with the environment. */
  public static PipelineSettings load(Optional<Path> file, Map<String, String> environment) {
    Map<String, String> values = new TreeMap<>();
    file.ifPresent(path -> {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(path)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read pipeline settings " + path + ": " + e.getMessage(), e);
      }
      properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
    });
    for (String key : DEFAULTS.keySet()) {
      String variable = environmentVariable(key);
      if (environment.containsKey(variable)) {
        values.put(key, environment.get(variable));
      }
    }
    return from(values);
  }

  /** {@code pipeline.kafka.bootstrap} → {@code VARSEL_PIPELINE_KAFKA_BOOTSTRAP}. */
  public static String environmentVariable(String key) {
    return "VARSEL_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public static PipelineSettings from(Map<String, String> overrides) {
    for (String key : overrides.keySet()) {
      if (key.startsWith("pipeline.") && !DEFAULTS.containsKey(key)) {
        throw new IllegalArgumentException("unknown setting " + key + "; known: " + String.join(", ", DEFAULTS.keySet()));
      }
    }
    Map<String, String> v = new TreeMap<>(DEFAULTS);
    v.putAll(overrides);
    return new PipelineSettings(
        v.get("pipeline.kafka.bootstrap"),
        v.get("pipeline.kafka.group"),
        v.get("pipeline.topics.raw"),
        v.get("pipeline.topics.dlq"),
        v.get("pipeline.topics.incidents"),
        v.get("pipeline.topics.rules"),
        v.get("pipeline.topics.shadow-hits"),
        v.get("pipeline.rules.dir"),
        v.get("pipeline.kafka.transactional-id-prefix"),
        duration(v, "pipeline.kafka.transaction-timeout"),
        duration(v, "pipeline.checkpoint.interval"),
        duration(v, "pipeline.event-time.out-of-orderness"),
        duration(v, "pipeline.event-time.source-idleness"),
        duration(v, "pipeline.event-time.max-partition-drift"),
        duration(v, "pipeline.dedupe.memory"),
        integer(v, "pipeline.parallelism"),
        Boolean.parseBoolean(v.get("pipeline.bounded")),
        correlation(v),
        PrivacySettings.of(v.get(PrivacySettings.HANDLE_KEY), v.get(PrivacySettings.PUBLIC_ACCOUNTS)),
        v.get("pipeline.topics.hotline"),
        new CampaignSettings(decimal(v, "pipeline.campaigns.min-containment"), duration(v, "pipeline.campaigns.max-gap"),
            duration(v, "pipeline.campaigns.max-span"), integer(v, "pipeline.co-similar.shingle-words")),
        perRecordWatermarks(v.get("pipeline.event-time.watermarks")),
        KafkaLogin.fromSettings(v, KAFKA_LOGIN_PREFIX),
        v.get("pipeline.topics.feedback"),
        v.get("pipeline.topics.rule-precision"),
        new FeedbackSettings(decimal(v, "pipeline.feedback.precision-floor"), integer(v, "pipeline.feedback.min-verdicts"),
            duration(v, "pipeline.feedback.suppression-ttl"), duration(v, "pipeline.feedback.state-ttl"),
            duration(v, "pipeline.feedback.report-interval")),
        earlyWarning(v));
  }

  private static EarlyWarningSettings earlyWarning(Map<String, String> v) {
    List<Duration> periods = new ArrayList<>();
    for (String period : v.get(EARLY_WARNING_PERIODS).split(",")) {
      if (!period.isBlank()) {
        periods.add(duration(Map.of(EARLY_WARNING_PERIODS, period.trim()), EARLY_WARNING_PERIODS));
      }
    }
    return new EarlyWarningSettings(periods, integer(v, "pipeline.early-warning.baseline-periods"),
        decimal(v, "pipeline.early-warning.sigmas"), integer(v, "pipeline.early-warning.sustained-periods"),
        integer(v, "pipeline.early-warning.min-count"));
  }

  /** {@code per-record}: a watermark after every signal, so that a replay decides the same at every step (docs/incidents.md). */
  private static boolean perRecordWatermarks(String value) {
    return switch (value.trim()) {
      case "periodic" -> false;
      case "per-record" -> true;
      default -> throw new IllegalArgumentException("pipeline.event-time.watermarks=" + value + " is neither periodic nor per-record");
    };
  }

  private static CorrelationSettings correlation(Map<String, String> v) {
    return new CorrelationSettings(
        integer(v, "pipeline.co-similar.min-accounts"),
        duration(v, "pipeline.co-similar.window"),
        decimal(v, "pipeline.co-similar.jaccard"),
        integer(v, "pipeline.co-similar.min-words"),
        integer(v, "pipeline.co-similar.shingle-words"),
        integer(v, "pipeline.co-similar.hashes"),
        integer(v, "pipeline.co-link.min-accounts"),
        duration(v, "pipeline.co-link.window"),
        integer(v, "pipeline.hashtag-push.min-accounts"),
        decimal(v, "pipeline.hashtag-push.factor"),
        integer(v, "pipeline.surge.min-accounts"),
        decimal(v, "pipeline.surge.factor"),
        duration(v, "pipeline.baseline.bucket"),
        decimal(v, "pipeline.baseline.alpha"),
        integer(v, "pipeline.high-severity.rule-severity"),
        decimal(v, "pipeline.high-severity.hateful-score"),
        integer(v, "pipeline.partner.min-confidence"),
        duration(v, "pipeline.incidents.idle-timeout"),
        duration(v, "pipeline.incidents.update-interval"),
        duration(v, "pipeline.incidents.state-ttl"));
  }

  private static double decimal(Map<String, String> values, String key) {
    try {
      return Double.parseDouble(values.get(key).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + values.get(key) + " is not a number");
    }
  }

  /** Every topic the job reads or writes, in the order of {@link Topics#PIPELINE}: what must exist before it starts. */
  public List<String> topics() {
    return List.of(rawTopic, deadLetterTopic, incidentTopic, rulesTopic, shadowHitTopic, hotlineTopic, feedbackTopic, rulePrecisionTopic);
  }

  /** The partitions each of {@link #topics()} needs: the rule topic one (pack updates keep their order), the others {@code partitions}. */
  public Map<String, Integer> topicPartitions(int partitions) {
    Map<String, Integer> result = new LinkedHashMap<>();
    topics().forEach(topic -> result.put(topic, topic.equals(rulesTopic) ? 1 : partitions));
    return result;
  }

  /** {@code bootstrap.servers} and the job's login, for a Kafka client of the job. */
  public Properties kafkaClientProperties() {
    return kafkaLogin.clientProperties(kafkaBootstrap);
  }

  public PipelineSettings withKafkaBootstrap(String bootstrap) {
    return new PipelineSettings(bootstrap, kafkaGroup, rawTopic, deadLetterTopic, incidentTopic, rulesTopic, shadowHitTopic,
        rulesDirectory, transactionalIdPrefix,
        transactionTimeout, checkpointInterval, outOfOrderness, sourceIdleness, maxPartitionDrift, dedupeMemory, parallelism, bounded, correlation,
        privacy, hotlineTopic, campaigns, perRecordWatermarks, kafkaLogin, feedbackTopic, rulePrecisionTopic, feedback, earlyWarning);
  }

  private static Duration duration(Map<String, String> values, String key) {
    try {
      return Duration.parse(values.get(key));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + "=" + values.get(key) + " is not an ISO-8601 duration such as PT10S or P7D");
    }
  }

  private static int integer(Map<String, String> values, String key) {
    try {
      return Integer.parseInt(values.get(key).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + values.get(key) + " is not a whole number");
    }
  }
}

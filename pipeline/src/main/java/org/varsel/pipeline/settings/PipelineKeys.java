package org.varsel.pipeline.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.Topics;
import org.varsel.pipeline.privacy.PrivacySettings;

/** Every key the pipeline reads and its default: the one place they are spelled (docs/configuration.md lists them). */
public final class PipelineKeys {
    public static final String NAMESPACE = "pipeline";
    /** Where the job's Kafka login keys live: {@code pipeline.kafka.security-protocol}, {@code ...sasl-username}, .... */
    public static final String KAFKA_LOGIN_PREFIX = "pipeline.kafka.";

    public static final String KAFKA_BOOTSTRAP = "pipeline.kafka.bootstrap";
    public static final String KAFKA_GROUP = "pipeline.kafka.group";
    public static final String RAW_TOPIC = "pipeline.topics.raw";
    public static final String DLQ_TOPIC = "pipeline.topics.dlq";
    public static final String INCIDENT_TOPIC = "pipeline.topics.incidents";
    public static final String RULES_TOPIC = "pipeline.topics.rules";
    public static final String SHADOW_HIT_TOPIC = "pipeline.topics.shadow-hits";
    public static final String HOTLINE_TOPIC = "pipeline.topics.hotline";
    public static final String FEEDBACK_TOPIC = "pipeline.topics.feedback";
    public static final String RULE_PRECISION_TOPIC = "pipeline.topics.rule-precision";
    public static final String RULES_DIR = "pipeline.rules.dir";
    public static final String TRANSACTIONAL_ID_PREFIX = "pipeline.kafka.transactional-id-prefix";
    public static final String TRANSACTION_TIMEOUT = "pipeline.kafka.transaction-timeout";
    public static final String CHECKPOINT_INTERVAL = "pipeline.checkpoint.interval";
    public static final String OUT_OF_ORDERNESS = "pipeline.event-time.out-of-orderness";
    public static final String SOURCE_IDLENESS = "pipeline.event-time.source-idleness";
    public static final String MAX_PARTITION_DRIFT = "pipeline.event-time.max-partition-drift";
    public static final String WATERMARKS = "pipeline.event-time.watermarks";
    public static final String DEDUPE_MEMORY = "pipeline.dedupe.memory";
    public static final String PARALLELISM = "pipeline.parallelism";
    public static final String BOUNDED = "pipeline.bounded";

    public static final String CO_SIMILAR_MIN_ACCOUNTS = "pipeline.co-similar.min-accounts";
    public static final String CO_SIMILAR_WINDOW = "pipeline.co-similar.window";
    public static final String CO_SIMILAR_JACCARD = "pipeline.co-similar.jaccard";
    public static final String CO_SIMILAR_MIN_WORDS = "pipeline.co-similar.min-words";
    public static final String CO_SIMILAR_SHINGLE_WORDS = "pipeline.co-similar.shingle-words";
    public static final String CO_SIMILAR_HASHES = "pipeline.co-similar.hashes";
    public static final String CO_LINK_MIN_ACCOUNTS = "pipeline.co-link.min-accounts";
    public static final String CO_LINK_WINDOW = "pipeline.co-link.window";
    public static final String HASHTAG_PUSH_MIN_ACCOUNTS = "pipeline.hashtag-push.min-accounts";
    public static final String HASHTAG_PUSH_FACTOR = "pipeline.hashtag-push.factor";
    public static final String SURGE_MIN_ACCOUNTS = "pipeline.surge.min-accounts";
    public static final String SURGE_FACTOR = "pipeline.surge.factor";
    public static final String BASELINE_BUCKET = "pipeline.baseline.bucket";
    public static final String BASELINE_ALPHA = "pipeline.baseline.alpha";
    public static final String HIGH_SEVERITY_RULE_SEVERITY = "pipeline.high-severity.rule-severity";
    public static final String HIGH_SEVERITY_HATEFUL_SCORE = "pipeline.high-severity.hateful-score";
    public static final String PARTNER_MIN_CONFIDENCE = "pipeline.partner.min-confidence";
    public static final String INCIDENTS_IDLE_TIMEOUT = "pipeline.incidents.idle-timeout";
    public static final String INCIDENTS_UPDATE_INTERVAL = "pipeline.incidents.update-interval";
    public static final String INCIDENTS_STATE_TTL = "pipeline.incidents.state-ttl";
    public static final String CAMPAIGNS_MIN_CONTAINMENT = "pipeline.campaigns.min-containment";
    public static final String CAMPAIGNS_MAX_GAP = "pipeline.campaigns.max-gap";
    public static final String CAMPAIGNS_MAX_SPAN = "pipeline.campaigns.max-span";
    public static final String CAMPAIGNS_EMIT_INTERVAL = "pipeline.campaigns.emit-interval";
    public static final String EARLY_WARNING_PERIODS = "pipeline.early-warning.periods";
    public static final String EARLY_WARNING_BASELINE_PERIODS = "pipeline.early-warning.baseline-periods";
    public static final String EARLY_WARNING_SIGMAS = "pipeline.early-warning.sigmas";
    public static final String EARLY_WARNING_SUSTAINED_PERIODS = "pipeline.early-warning.sustained-periods";
    public static final String EARLY_WARNING_MIN_COUNT = "pipeline.early-warning.min-count";
    public static final String FEEDBACK_PRECISION_FLOOR = "pipeline.feedback.precision-floor";
    public static final String FEEDBACK_MIN_VERDICTS = "pipeline.feedback.min-verdicts";
    public static final String FEEDBACK_SUPPRESSION_TTL = "pipeline.feedback.suppression-ttl";
    public static final String FEEDBACK_STATE_TTL = "pipeline.feedback.state-ttl";
    public static final String FEEDBACK_REPORT_INTERVAL = "pipeline.feedback.report-interval";

    /** Every key with its default. */
    public static final Map<String, String> DEFAULTS = defaults();

    private PipelineKeys() {}

    /**
     * Topics, consumer group and transactional ids of a run's own, named after it ({@code <run>.raw}, ...): runs that
     * share a broker (tests, replays, benchmarks) never read each other's records.
     */
    public static Map<String, String> isolatedRun(String run) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(RAW_TOPIC, run + ".raw");
        keys.put(DLQ_TOPIC, run + ".dlq");
        keys.put(INCIDENT_TOPIC, run + ".incidents");
        keys.put(RULES_TOPIC, run + ".rules");
        keys.put(SHADOW_HIT_TOPIC, run + ".shadow-hits");
        keys.put(HOTLINE_TOPIC, run + ".hotline");
        keys.put(FEEDBACK_TOPIC, run + ".feedback");
        keys.put(RULE_PRECISION_TOPIC, run + ".rule-precision");
        keys.put(KAFKA_GROUP, run);
        keys.put(TRANSACTIONAL_ID_PREFIX, run);
        return keys;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new TreeMap<>();
        d.put(KAFKA_BOOTSTRAP, "localhost:9092");
        d.put(KAFKA_GROUP, "varsel-pipeline");
        d.put(RAW_TOPIC, Topics.SIGNALS_RAW);
        d.put(DLQ_TOPIC, Topics.SIGNALS_DLQ);
        d.put(INCIDENT_TOPIC, Topics.INCIDENTS);
        d.put(RULES_TOPIC, Topics.RULES);
        d.put(SHADOW_HIT_TOPIC, Topics.SHADOW_HITS);
        d.put(HOTLINE_TOPIC, Topics.HOTLINE);
        d.put(FEEDBACK_TOPIC, Topics.FEEDBACK);
        d.put(RULE_PRECISION_TOPIC, Topics.RULE_PRECISION);
        d.put(FEEDBACK_PRECISION_FLOOR, "0.5");
        d.put(FEEDBACK_MIN_VERDICTS, "10");
        d.put(FEEDBACK_SUPPRESSION_TTL, "P30D");
        d.put(FEEDBACK_STATE_TTL, "P90D");
        d.put(FEEDBACK_REPORT_INTERVAL, "PT1M");
        d.put(RULES_DIR, "");
        d.put(TRANSACTIONAL_ID_PREFIX, "varsel-pipeline");
        d.put(TRANSACTION_TIMEOUT, "PT15M");
        d.put(CHECKPOINT_INTERVAL, "PT10S");
        d.put(OUT_OF_ORDERNESS, "PT5M");
        d.put(SOURCE_IDLENESS, "PT30S");
        d.put(MAX_PARTITION_DRIFT, "PT10M");
        d.put(DEDUPE_MEMORY, "P7D");
        d.put(PARALLELISM, "0");
        d.put(BOUNDED, "false");
        d.put(CO_SIMILAR_MIN_ACCOUNTS, "5");
        d.put(CO_SIMILAR_WINDOW, "PT1H");
        d.put(CO_SIMILAR_JACCARD, "0.8");
        d.put(CO_SIMILAR_MIN_WORDS, "5");
        d.put(CO_SIMILAR_SHINGLE_WORDS, "3");
        d.put(CO_SIMILAR_HASHES, "64");
        d.put(CO_LINK_MIN_ACCOUNTS, "5");
        d.put(CO_LINK_WINDOW, "PT1H");
        d.put(HASHTAG_PUSH_MIN_ACCOUNTS, "10");
        d.put(HASHTAG_PUSH_FACTOR, "5");
        d.put(SURGE_MIN_ACCOUNTS, "10");
        d.put(SURGE_FACTOR, "5");
        d.put(BASELINE_BUCKET, "PT10M");
        d.put(BASELINE_ALPHA, "0.2");
        d.put(HIGH_SEVERITY_RULE_SEVERITY, "4");
        d.put(HIGH_SEVERITY_HATEFUL_SCORE, "0.9");
        d.put(PARTNER_MIN_CONFIDENCE, "80");
        d.put(INCIDENTS_IDLE_TIMEOUT, "PT1H");
        d.put(INCIDENTS_UPDATE_INTERVAL, "PT5M");
        d.put(INCIDENTS_STATE_TTL, "P2D");
        d.put(CAMPAIGNS_MIN_CONTAINMENT, "0.5");
        d.put(CAMPAIGNS_MAX_GAP, "PT1H");
        d.put(CAMPAIGNS_MAX_SPAN, "P1D");
        d.put(CAMPAIGNS_EMIT_INTERVAL, "PT1M");
        d.put(WATERMARKS, "periodic");
        d.put(EARLY_WARNING_PERIODS, "P1D,P7D");
        d.put(EARLY_WARNING_BASELINE_PERIODS, "8");
        d.put(EARLY_WARNING_SIGMAS, "2");
        d.put(EARLY_WARNING_SUSTAINED_PERIODS, "3");
        d.put(EARLY_WARNING_MIN_COUNT, "5");
        d.put(PrivacySettings.HANDLE_KEY, "");
        d.put(PrivacySettings.PUBLIC_ACCOUNTS, "");
        d.putAll(KafkaLogin.defaults(KAFKA_LOGIN_PREFIX));
        return Map.copyOf(d);
    }
}

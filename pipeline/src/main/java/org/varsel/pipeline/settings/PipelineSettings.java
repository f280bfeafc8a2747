package org.varsel.pipeline.settings;

import static org.varsel.pipeline.settings.PipelineKeys.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.Topics;
import org.varsel.contract.settings.Settings;
import org.varsel.pipeline.campaign.CampaignSettings;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.EarlyWarningSettings;
import org.varsel.pipeline.feedback.FeedbackSettings;
import org.varsel.pipeline.privacy.PrivacySettings;

/**
 * Everything the pipeline can be told, read by the one {@link Settings} reader from the keys of {@link PipelineKeys}
 * (a properties file, then the environment: {@code pipeline.kafka.bootstrap} ← {@code VARSEL_PIPELINE_KAFKA_BOOTSTRAP}).
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

    public static PipelineSettings defaultSettings() {
        return from(Map.of());
    }

    /** Settings from a properties file (if given) overlaid with the environment (docs/configuration.md). */
    public static PipelineSettings load(Optional<Path> file, Map<String, String> environment) {
        return from(Settings.read(PipelineKeys.NAMESPACE, PipelineKeys.DEFAULTS, file, environment));
    }

    /** These keys' values over the defaults; an unknown {@code pipeline.*} key is refused. */
    public static PipelineSettings from(Map<String, String> values) {
        return from(Settings.of(PipelineKeys.NAMESPACE, PipelineKeys.DEFAULTS, values));
    }

    private static PipelineSettings from(Settings s) {
        return new PipelineSettings(
                s.text(KAFKA_BOOTSTRAP),
                s.text(KAFKA_GROUP),
                s.text(RAW_TOPIC),
                s.text(DLQ_TOPIC),
                s.text(INCIDENT_TOPIC),
                s.text(RULES_TOPIC),
                s.text(SHADOW_HIT_TOPIC),
                s.text(RULES_DIR),
                s.text(TRANSACTIONAL_ID_PREFIX),
                s.duration(TRANSACTION_TIMEOUT),
                s.duration(CHECKPOINT_INTERVAL),
                s.duration(OUT_OF_ORDERNESS),
                s.duration(SOURCE_IDLENESS),
                s.duration(MAX_PARTITION_DRIFT),
                s.duration(DEDUPE_MEMORY),
                s.integer(PARALLELISM),
                s.flag(BOUNDED),
                correlation(s),
                PrivacySettings.of(s.text(PrivacySettings.HANDLE_KEY), s.text(PrivacySettings.PUBLIC_ACCOUNTS)),
                s.text(HOTLINE_TOPIC),
                new CampaignSettings(
                        s.decimal(CAMPAIGNS_MIN_CONTAINMENT),
                        s.duration(CAMPAIGNS_MAX_GAP),
                        s.duration(CAMPAIGNS_MAX_SPAN),
                        s.integer(CO_SIMILAR_SHINGLE_WORDS),
                        s.duration(CAMPAIGNS_EMIT_INTERVAL)),
                perRecordWatermarks(s.text(WATERMARKS)),
                KafkaLogin.fromSettings(s.values(), KAFKA_LOGIN_PREFIX),
                s.text(FEEDBACK_TOPIC),
                s.text(RULE_PRECISION_TOPIC),
                new FeedbackSettings(
                        s.decimal(FEEDBACK_PRECISION_FLOOR),
                        s.integer(FEEDBACK_MIN_VERDICTS),
                        s.duration(FEEDBACK_SUPPRESSION_TTL),
                        s.duration(FEEDBACK_STATE_TTL),
                        s.duration(FEEDBACK_REPORT_INTERVAL)),
                new EarlyWarningSettings(
                        s.durations(EARLY_WARNING_PERIODS),
                        s.integer(EARLY_WARNING_BASELINE_PERIODS),
                        s.decimal(EARLY_WARNING_SIGMAS),
                        s.integer(EARLY_WARNING_SUSTAINED_PERIODS),
                        s.integer(EARLY_WARNING_MIN_COUNT)));
    }

    /** {@code per-record}: a watermark after every signal, so that a replay decides the same at every step (docs/incidents.md). */
    private static boolean perRecordWatermarks(String value) {
        return switch (value) {
            case "periodic" -> false;
            case "per-record" -> true;
            default ->
                throw new IllegalArgumentException(WATERMARKS + "=" + value + " is neither periodic nor per-record");
        };
    }

    private static CorrelationSettings correlation(Settings s) {
        return new CorrelationSettings(
                s.integer(CO_SIMILAR_MIN_ACCOUNTS),
                s.duration(CO_SIMILAR_WINDOW),
                s.decimal(CO_SIMILAR_JACCARD),
                s.integer(CO_SIMILAR_MIN_WORDS),
                s.integer(CO_SIMILAR_SHINGLE_WORDS),
                s.integer(CO_SIMILAR_HASHES),
                s.integer(CO_LINK_MIN_ACCOUNTS),
                s.duration(CO_LINK_WINDOW),
                s.integer(HASHTAG_PUSH_MIN_ACCOUNTS),
                s.decimal(HASHTAG_PUSH_FACTOR),
                s.integer(SURGE_MIN_ACCOUNTS),
                s.decimal(SURGE_FACTOR),
                s.duration(BASELINE_BUCKET),
                s.decimal(BASELINE_ALPHA),
                s.integer(HIGH_SEVERITY_RULE_SEVERITY),
                s.decimal(HIGH_SEVERITY_HATEFUL_SCORE),
                s.integer(PARTNER_MIN_CONFIDENCE),
                s.duration(INCIDENTS_IDLE_TIMEOUT),
                s.duration(INCIDENTS_UPDATE_INTERVAL),
                s.duration(INCIDENTS_STATE_TTL));
    }

    /** Every topic the job reads or writes, in the order of {@link Topics#PIPELINE}: what must exist before it starts. */
    public List<String> topics() {
        return List.of(
                rawTopic,
                deadLetterTopic,
                incidentTopic,
                rulesTopic,
                shadowHitTopic,
                hotlineTopic,
                feedbackTopic,
                rulePrecisionTopic);
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
        return new PipelineSettings(
                bootstrap,
                kafkaGroup,
                rawTopic,
                deadLetterTopic,
                incidentTopic,
                rulesTopic,
                shadowHitTopic,
                rulesDirectory,
                transactionalIdPrefix,
                transactionTimeout,
                checkpointInterval,
                outOfOrderness,
                sourceIdleness,
                maxPartitionDrift,
                dedupeMemory,
                parallelism,
                bounded,
                correlation,
                privacy,
                hotlineTopic,
                campaigns,
                perRecordWatermarks,
                kafkaLogin,
                feedbackTopic,
                rulePrecisionTopic,
                feedback,
                earlyWarning);
    }
}

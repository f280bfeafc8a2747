package org.varsel.desk.intake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.Topics;
import org.varsel.contract.settings.Settings;

/**
 * The intake settings of the desk ({@code desk.intake.*}, see {@code docs/configuration.md}); read from the same
 * file and environment as the rest of the desk's settings.
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

    public static final String RAW_TOPIC = "desk.intake.raw-topic";
    public static final String DLQ_TOPIC = "desk.intake.dlq-topic";
    public static final String PUBLISH_TIMEOUT = "desk.intake.publish-timeout";
    public static final String MAX_BULK_BYTES = "desk.intake.max-bulk-bytes";
    public static final String MAX_STIX_BYTES = "desk.intake.max-stix-bytes";
    public static final String REQUESTS_PER_MINUTE = "desk.intake.rate-limit.requests-per-minute";
    public static final String BURST = "desk.intake.rate-limit.burst";
    public static final String FEEDS_FILE = "desk.intake.feeds-file";

    /** Every intake key and its default. */
    public static final Map<String, String> DEFAULTS = Map.of(
            RAW_TOPIC,
            Topics.SIGNALS_RAW,
            DLQ_TOPIC,
            Topics.SIGNALS_DLQ,
            PUBLISH_TIMEOUT,
            "PT30S",
            MAX_BULK_BYTES,
            Long.toString(256L * 1024 * 1024),
            MAX_STIX_BYTES,
            Long.toString(16L * 1024 * 1024),
            REQUESTS_PER_MINUTE,
            "600",
            BURST,
            "60",
            FEEDS_FILE,
            "");

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

    /** The intake keys among the desk's settings. */
    public static IntakeConfig from(Settings settings) {
        return new IntakeConfig(
                settings.text(RAW_TOPIC),
                settings.text(DLQ_TOPIC),
                settings.duration(PUBLISH_TIMEOUT),
                settings.number(MAX_BULK_BYTES),
                settings.number(MAX_STIX_BYTES),
                settings.integer(REQUESTS_PER_MINUTE),
                settings.integer(BURST),
                settings.optional(FEEDS_FILE).map(Path::of));
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
    }
}

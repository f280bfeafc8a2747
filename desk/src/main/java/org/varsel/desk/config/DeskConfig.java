package org.varsel.desk.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.Topics;
import org.varsel.contract.settings.Settings;

/**
 * The desk's own settings: HTTP server, database, Kafka; one part of {@link DeskSettings} (docs/configuration.md).
 * {@link #toString()} never shows the password.
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
    /** Every key of the desk's own (server, database, Kafka) and its default. */
    public static final Map<String, String> DEFAULTS = defaults(Map.ofEntries(
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
            Map.entry(HANDLE_KEY, "")));

    private static Map<String, String> defaults(Map<String, String> own) {
        Map<String, String> all = new HashMap<>(own);
        all.putAll(KafkaLogin.defaults(KAFKA_LOGIN_PREFIX));
        return Map.copyOf(all);
    }

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
            throw new IllegalArgumentException(
                    REQUEST_BODY_TIMEOUT + " must be at least PT0.1S, was " + requestBodyTimeout);
        }
    }

    /** The desk's own keys among its settings. */
    public static DeskConfig from(Settings settings) {
        return new DeskConfig(
                settings.text(HTTP_HOST),
                settings.integer(HTTP_PORT),
                settings.text(DB_URL),
                settings.text(DB_USER),
                settings.text(DB_PASSWORD),
                settings.text(KAFKA_BOOTSTRAP),
                settings.text(KAFKA_GROUP),
                settings.text(INCIDENT_TOPIC),
                settings.flag(DEMO_ANONYMOUS_READ),
                settings.text(BRIEFS_CONFIG),
                settings.duration(REQUEST_BODY_TIMEOUT),
                KafkaLogin.fromSettings(settings.values(), KAFKA_LOGIN_PREFIX),
                intakeLogin(settings),
                settings.text(HANDLE_KEY));
    }

    /** Intake's own principal, with the desk's protocol and mechanism; the desk's login when none is given. */
    private static KafkaLogin intakeLogin(Settings settings) {
        KafkaLogin desk = KafkaLogin.fromSettings(settings.values(), KAFKA_LOGIN_PREFIX);
        return settings.optional(INTAKE_KAFKA_USERNAME)
                .map(user -> new KafkaLogin(
                        desk.securityProtocol(), desk.saslMechanism(), user, settings.text(INTAKE_KAFKA_PASSWORD)))
                .orElse(desk);
    }

    @Override
    public String toString() {
        return "DeskConfig[httpHost=" + httpHost + ", httpPort=" + httpPort + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser
                + ", dbPassword=" + (dbPassword.isEmpty() ? "(empty)" : "(set)") + ", kafkaBootstrap=" + kafkaBootstrap
                + ", kafkaGroup=" + kafkaGroup + ", incidentTopic=" + incidentTopic + ", demoAnonymousRead="
                + demoAnonymousRead
                + ", briefsConfig=" + (briefsConfig.isEmpty() ? "(bundled)" : briefsConfig)
                + ", requestBodyTimeout=" + requestBodyTimeout + ", kafkaLogin=" + kafkaLogin + ", intakeKafkaLogin="
                + intakeKafkaLogin
                + ", handleKey=" + (handleKey.isEmpty() ? "(empty)" : "(set)") + "]";
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
    }
}

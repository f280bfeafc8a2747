package org.varsel.contract;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How a Kafka client authenticates: nothing ({@code PLAINTEXT}) or SASL (SCRAM or PLAIN, over plain TCP or TLS) as one
 * principal. Every Kafka client of the system takes its settings from here; {@link #toString()} never shows the password.
 *
 * <p>Read from four keys under a prefix, e.g. {@code pipeline.kafka.security-protocol}, {@code ...sasl-mechanism},
 * {@code ...sasl-username}, {@code ...sasl-password} (docs/configuration.md).
 */
public record KafkaLogin(String securityProtocol, String saslMechanism, String username, String password)
        implements Serializable {

    public static final String SECURITY_PROTOCOL = "security-protocol";
    public static final String SASL_MECHANISM = "sasl-mechanism";
    public static final String SASL_USERNAME = "sasl-username";
    public static final String SASL_PASSWORD = "sasl-password";
    /** The key suffixes, in documentation order. */
    public static final List<String> KEY_SUFFIXES =
            List.of(SECURITY_PROTOCOL, SASL_MECHANISM, SASL_USERNAME, SASL_PASSWORD);
    /** The mechanism the demo broker and the production manifests use. */
    public static final String SCRAM_SHA_512 = "SCRAM-SHA-512";

    private static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Map<String, String> LOGIN_MODULES = Map.of(
            "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule",
            "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
            "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule");

    public KafkaLogin {
        securityProtocol = securityProtocol.trim().toUpperCase(Locale.ROOT);
        saslMechanism = saslMechanism.trim().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(securityProtocol)) {
            throw new IllegalArgumentException(
                    "Kafka security protocol " + securityProtocol + " is not one of " + PROTOCOLS);
        }
        if (isSasl(securityProtocol)) {
            if (!LOGIN_MODULES.containsKey(saslMechanism)) {
                throw new IllegalArgumentException(
                        "SASL mechanism " + saslMechanism + " is not one of " + LOGIN_MODULES.keySet());
            }
            if (username.isBlank() || password.isEmpty()) {
                throw new IllegalArgumentException(securityProtocol + " needs a SASL username and password");
            }
        }
    }

    /** No authentication: a broker on a private network, or a test's own broker. */
    public static KafkaLogin none() {
        return new KafkaLogin("PLAINTEXT", SCRAM_SHA_512, "", "");
    }

    /** SCRAM-SHA-512 over plain TCP, as the demo broker on loopback takes it. */
    public static KafkaLogin scram(String username, String password) {
        return new KafkaLogin("SASL_PLAINTEXT", SCRAM_SHA_512, username, password);
    }

    /** The login given by {@code prefix + suffix} keys among {@code values} ({@link #none()} for missing keys). */
    public static KafkaLogin fromSettings(Map<String, String> values, String prefix) {
        return new KafkaLogin(
                values.getOrDefault(prefix + SECURITY_PROTOCOL, "PLAINTEXT"),
                values.getOrDefault(prefix + SASL_MECHANISM, SCRAM_SHA_512),
                values.getOrDefault(prefix + SASL_USERNAME, "").trim(),
                values.getOrDefault(prefix + SASL_PASSWORD, ""));
    }

    /** The defaults of the keys under {@code prefix}, for settings that list every key they know. */
    public static Map<String, String> defaults(String prefix) {
        return Map.of(
                prefix + SECURITY_PROTOCOL,
                "PLAINTEXT",
                prefix + SASL_MECHANISM,
                SCRAM_SHA_512,
                prefix + SASL_USERNAME,
                "",
                prefix + SASL_PASSWORD,
                "");
    }

    public boolean authenticates() {
        return isSasl(securityProtocol);
    }

    /** {@code bootstrap.servers} and the security settings, for a producer, consumer or admin client. */
    public Properties clientProperties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.putAll(securityProperties());
        return properties;
    }

    /** The client settings of this login alone ({@code security.protocol}, {@code sasl.*}). */
    public Map<String, String> securityProperties() {
        if (!authenticates()) {
            return Map.of("security.protocol", securityProtocol);
        }
        return Map.of(
                "security.protocol", securityProtocol,
                "sasl.mechanism", saslMechanism,
                "sasl.jaas.config",
                        LOGIN_MODULES.get(saslMechanism) + " required username=" + quoted(username) + " password="
                                + quoted(password) + ";");
    }

    @Override
    public String toString() {
        return "KafkaLogin[" + securityProtocol
                + (authenticates() ? ", " + saslMechanism + ", " + username + ", password (set)" : "") + "]";
    }

    private static boolean isSasl(String protocol) {
        return protocol.startsWith("SASL_");
    }

    /** A JAAS string value: quotes and backslashes escaped, so a generated password cannot end the option. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

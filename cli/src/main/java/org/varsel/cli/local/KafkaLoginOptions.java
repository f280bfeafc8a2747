package org.varsel.cli.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.settings.Settings;
import picocli.CommandLine.Option;

/**
 * How a command that talks to a given Kafka cluster logs in: the {@code kafka.*} keys of a properties file
 * (docs/configuration.md), the password also from {@code VARSEL_KAFKA_SASL_PASSWORD}; without a file, no login.
 */
public final class KafkaLoginOptions {
    /** The prefix of the keys in the file: {@code kafka.security-protocol}, {@code kafka.sasl-username}, .... */
    public static final String PREFIX = "kafka.";

    @Option(
            names = "--kafka-config",
            paramLabel = "FILE",
            description =
                    "Properties file with the Kafka login: kafka.security-protocol, kafka.sasl-mechanism, kafka.sasl-username,"
                            + " kafka.sasl-password (or VARSEL_KAFKA_SASL_PASSWORD). The demo writes one: .varsel/demo-kafka-logins.properties.")
    Path file;

    public KafkaLogin login() {
        return login(System.getenv());
    }

    KafkaLogin login(Map<String, String> environment) {
        if (file == null) {
            return KafkaLogin.none();
        }
        Map<String, String> values = new HashMap<>(Settings.readProperties(file));
        String password = environment.get(Settings.environmentVariable(PREFIX + KafkaLogin.SASL_PASSWORD));
        if (password != null) {
            values.put(PREFIX + KafkaLogin.SASL_PASSWORD, password);
        }
        return KafkaLogin.fromSettings(values, PREFIX);
    }
}

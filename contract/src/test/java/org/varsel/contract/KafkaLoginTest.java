package org.varsel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaLoginTest {

    @Test
    void noKeysMeanAnUnauthenticatedClient() {
        KafkaLogin login = KafkaLogin.fromSettings(Map.of(), "desk.kafka.");

        assertThat(login.authenticates()).isFalse();
        assertThat(login.clientProperties("b:9092"))
                .containsOnlyKeys("bootstrap.servers", "security.protocol")
                .containsEntry("security.protocol", "PLAINTEXT");
    }

    @Test
    void aScramLoginBecomesTheClientsJaasSettingsWithThePasswordQuoted() {
        KafkaLogin login = KafkaLogin.fromSettings(
                Map.of(
                        "pipeline.kafka.security-protocol",
                        "sasl_ssl",
                        "pipeline.kafka.sasl-username",
                        "varsel-pipeline",
                        "pipeline.kafka.sasl-password",
                        "pa\"ss\\word"),
                "pipeline.kafka.");

        assertThat(login.securityProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"varsel-pipeline\" password=\"pa\\\"ss\\\\word\";");
        assertThat(login.toString()).doesNotContain("pa\"ss");
    }

    @Test
    void saslWithoutAPasswordOrWithAnUnknownMechanismIsRefusedAtStart() {
        assertThatThrownBy(() -> KafkaLogin.fromSettings(
                        Map.of("desk.kafka.security-protocol", "SASL_SSL", "desk.kafka.sasl-username", "varsel-desk"),
                        "desk.kafka."))
                .hasMessageContaining("needs a SASL username and password");
        assertThatThrownBy(() -> new KafkaLogin("SASL_SSL", "GSSAPI", "u", "p")).hasMessageContaining("GSSAPI");
        assertThatThrownBy(() -> new KafkaLogin("SASL", "PLAIN", "u", "p")).hasMessageContaining("security protocol");
    }
}

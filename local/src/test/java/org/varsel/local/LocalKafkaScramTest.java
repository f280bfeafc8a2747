package org.varsel.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.varsel.contract.KafkaAccess;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.Topics;

/** A broker that takes SCRAM logins only and allows each principal its part ({@link KafkaAccess#standard()}). */
class LocalKafkaScramTest {

    private static final KafkaLogin ADMIN = KafkaLogin.scram("admin", "admin-password-0123456789");
    private static final KafkaLogin INTAKE = KafkaLogin.scram(KafkaAccess.INTAKE, "intake-password-0123456789");
    private static final KafkaLogin DESK = KafkaLogin.scram(KafkaAccess.DESK, "desk-password-0123456789");
    private static LocalKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = LocalKafka.builder().scram(ADMIN, List.of(ADMIN, INTAKE, DESK)).start();
        kafka.createTopics(1, Topics.SIGNALS_RAW, Topics.INCIDENTS, Topics.FEEDBACK);
        kafka.grant(KafkaAccess.standard());
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theIntakePrincipalWritesRawSignals() throws Exception {
        send(INTAKE, Topics.SIGNALS_RAW, "a partner's signal");

        assertThat(KafkaClients.readFromStart(
                        kafka,
                        Topics.SIGNALS_RAW,
                        "read_committed",
                        1,
                        java.time.Duration.ofSeconds(30),
                        ADMIN.securityProperties()))
                .containsExactly("a partner's signal");
    }

    @Test
    void theIntakePrincipalCannotWriteIncidents() {
        assertThatThrownBy(() -> send(INTAKE, Topics.INCIDENTS, "a forged incident"))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theDeskCannotWriteRawSignals() {
        assertThatThrownBy(() -> send(DESK, Topics.SIGNALS_RAW, "a signal nobody sent"))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() {
        KafkaLogin impostor = KafkaLogin.scram(KafkaAccess.INTAKE, "guessed-password-0123456789");

        assertThatThrownBy(() -> send(impostor, Topics.SIGNALS_RAW, "x"))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void anUnauthenticatedClientIsRefused() {
        // A PLAINTEXT client never gets past the SASL handshake: no metadata, so the send times out.
        assertThatThrownBy(() -> send(KafkaLogin.none(), Topics.SIGNALS_RAW, "anonymous"))
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        assertThat(KafkaClients.readFromStart(
                        kafka,
                        Topics.SIGNALS_RAW,
                        "read_uncommitted",
                        100,
                        java.time.Duration.ofSeconds(3),
                        ADMIN.securityProperties()))
                .doesNotContain("anonymous");
    }

    @Test
    void theBrokerConfigurationWithTheSuperUsersPasswordIsTheOwnersAlone() throws Exception {
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(kafka.dataDirectory().resolve("server.properties"))))
                .isEqualTo("rw-------");
    }

    private static void send(KafkaLogin login, String topic, String value) throws Exception {
        Map<String, Object> overrides = new HashMap<>(login.securityProperties());
        overrides.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        overrides.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        overrides.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka, overrides)) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }
}

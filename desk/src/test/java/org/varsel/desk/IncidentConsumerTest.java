package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.DeskTestSupport.count;
import static org.varsel.desk.TestIncidents.incident;
import static org.varsel.desk.TestIncidents.newId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.Topics;
import org.varsel.desk.incident.IncidentStatus;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class IncidentConsumerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Desk desk;
    private static PostgresDatabase database;
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void startDesk(LocalKafka kafka, PostgresDatabase db) {
        database = db;
        desk = Desk.start(DeskTestSupport.config(kafka, db));
        producer = DeskTestSupport.producer(kafka, false);
    }

    @AfterAll
    static void stopDesk() {
        producer.close();
        desk.close();
    }

    @Test
    void theSameIdAndVersionTwiceIsStoredOnce() throws Exception {
        String id = newId();
        send(incident(id, 1, List.of("feed:rss")));
        send(incident(id, 1, List.of("feed:rss")));
        awaitVersion(id, 1);
        assertThat(count(database, "SELECT count(*) FROM incident WHERE id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsIgnored() throws Exception {
        String id = newId();
        String marker = newId();
        send(incident(id, 3, List.of("feed:rss")));
        send(incident(id, 2, List.of("feed:rss")));
        // one key, one partition: once the marker after them is stored, both updates have been taken
        send(incident(marker, 1, List.of("feed:rss")), id);
        awaitVersion(marker, 1);
        awaitVersion(id, 3);
        assertThat(find(id).version()).isEqualTo(3);
        assertThat(find(id).payload().get("title").asText()).endsWith("v3");
    }

    @Test
    void aPipelineUpdateKeepsTheAnalystsStatusAndAssignee() throws Exception {
        String id = newId();
        send(incident(id, 1, List.of("feed:rss")));
        awaitVersion(id, 1);
        DeskTestSupport.execute(
                database,
                "INSERT INTO app_user (username, password_hash, role) VALUES ('ana', 'x', 'analyst') ON CONFLICT DO NOTHING");
        DeskTestSupport.execute(
                database,
                "UPDATE incident SET status = 'escalated', assignee = 'ana', status_changed_at = now() WHERE id = ?",
                id);

        send(incident(id, 2, List.of("feed:rss", "partner:ngo")));
        awaitVersion(id, 2);

        QueuedIncident stored = find(id);
        assertThat(stored.status()).isEqualTo(IncidentStatus.ESCALATED);
        assertThat(stored.assignee()).contains("ana");
        assertThat(stored.statusChangedAt()).isPresent();
        assertThat(stored.payload().get("sources")).hasSize(2);
    }

    @Test
    void malformedAndSchemaInvalidRecordsLandInRejectedMessageAndTheConsumerGoesOn() throws Exception {
        String after = newId();
        String invalidId = newId();
        sendRaw("{not json".getBytes(StandardCharsets.UTF_8));
        sendRaw(("{\"schema\":\"incident.v1\",\"id\":\"" + invalidId + "\",\"version\":0}")
                .getBytes(StandardCharsets.UTF_8));
        send(incident(after, 1, List.of("feed:rss")), after);

        awaitVersion(after, 1);
        Eventually.await(
                TIMEOUT,
                "both bad records are kept",
                () -> count(
                                        database,
                                        "SELECT count(*) FROM rejected_message WHERE original = ?",
                                        "{not json".getBytes(StandardCharsets.UTF_8))
                                == 1
                        && count(
                                        database,
                                        "SELECT count(*) FROM rejected_message WHERE convert_from(original, 'UTF8') LIKE ?",
                                        "%" + invalidId + "%")
                                == 1);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM rejected_message WHERE reason LIKE 'malformed JSON%' " + "AND topic = ?",
                        Topics.INCIDENTS))
                .isPositive();
        assertThat(count(
                        database,
                        "SELECT count(*) FROM rejected_message WHERE reason LIKE 'not a valid incident.v1%' "
                                + "AND convert_from(original, 'UTF8') LIKE ?",
                        "%" + invalidId + "%"))
                .isEqualTo(1);
        assertThat(count(database, "SELECT count(*) FROM incident WHERE id = ?", invalidId))
                .isZero();
    }

    @Test
    void anUpdateThePostgresRefusesIsRejectedWhileTheRestOfItsBatchIsStored() throws Exception {
        String refused = newId();
        String fine = newId();
        Incident withNul = incident(refused, 1, List.of("feed:rss\u0000evil"));
        send(withNul, "same-key");
        send(incident(fine, 1, List.of("feed:rss")), "same-key");

        awaitVersion(fine, 1);
        Eventually.await(
                TIMEOUT,
                "the refused update is kept",
                () -> count(
                                database,
                                "SELECT count(*) FROM rejected_message WHERE reason LIKE 'database refused%' "
                                        + "AND position(convert_to(?, 'UTF8') IN original) > 0",
                                refused)
                        == 1);
        assertThat(count(database, "SELECT count(*) FROM incident WHERE id = ?", refused))
                .isZero();
    }

    @Test
    void onlyCommittedTransactionsReachTheQueue(LocalKafka kafka) throws Exception {
        String aborted = newId();
        String committed = newId();
        try (KafkaProducer<byte[], byte[]> transactional = DeskTestSupport.producer(kafka, true)) {
            transactional.beginTransaction();
            transactional.send(record(incident(aborted, 1, List.of("feed:rss")), "tx"));
            transactional.flush();
            transactional.abortTransaction();

            transactional.beginTransaction();
            transactional.send(record(incident(committed, 1, List.of("feed:rss")), "tx"));
            transactional.commitTransaction();
        }
        awaitVersion(committed, 1);
        assertThat(desk.incidents().find(aborted, Visibility.all())).isEmpty();
    }

    private static void send(Incident incident) throws Exception {
        send(incident, incident.id());
    }

    private static void send(Incident incident, String key) throws Exception {
        producer.send(record(incident, key)).get();
    }

    private static void sendRaw(byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.INCIDENTS, "raw".getBytes(StandardCharsets.UTF_8), value))
                .get();
    }

    private static ProducerRecord<byte[], byte[]> record(Incident incident, String key) {
        return new ProducerRecord<>(
                Topics.INCIDENTS, key.getBytes(StandardCharsets.UTF_8), IncidentCodec.toJsonBytes(incident));
    }

    private static QueuedIncident find(String id) throws Exception {
        return desk.incidents().find(id, Visibility.all()).orElseThrow();
    }

    private static void awaitVersion(String id, long version) throws Exception {
        Eventually.await(
                TIMEOUT,
                id + " is stored at version " + version,
                () -> desk.incidents()
                                .find(id, Visibility.all())
                                .map(QueuedIncident::version)
                                .orElse(0L)
                        == version);
    }
}

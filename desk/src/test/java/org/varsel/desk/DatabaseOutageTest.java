package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.TestIncidents.incident;
import static org.varsel.desk.TestIncidents.newId;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.Topics;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresExtension;

@ExtendWith(KafkaBrokerExtension.class)
class DatabaseOutageTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.dedicated();

    @Test
    void updatesPublishedWhileTheDatabaseIsDownAreStoredWhenItReturns(LocalKafka kafka) throws Exception {
        String early = newId();
        String during = newId();
        try (Desk desk = Desk.start(DeskTestSupport.config(kafka, POSTGRES.database()));
                KafkaProducer<byte[], byte[]> producer = DeskTestSupport.producer(kafka, false)) {
            send(producer, incident(early, 1, List.of("feed:rss")));
            awaitVersion(desk, early, 1);

            POSTGRES.postgres().stop();
            send(producer, incident(early, 2, List.of("feed:rss")));
            send(producer, incident(during, 1, List.of("feed:rss")));
            Eventually.await(
                    TIMEOUT,
                    "the consumer notices the outage",
                    () -> health(desk).statusCode() == 503
                            && health(desk).body().contains("\"waiting_for_database\":true"));

            POSTGRES.postgres().start();
            awaitVersion(desk, early, 2);
            awaitVersion(desk, during, 1);
            Eventually.await(TIMEOUT, "health recovers", () -> health(desk).statusCode() == 200);
            assertThat(health(desk).body()).contains("\"db\":\"up\"");
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Incident incident) throws Exception {
        producer.send(new ProducerRecord<>(
                        Topics.INCIDENTS,
                        incident.id().getBytes(StandardCharsets.UTF_8),
                        IncidentCodec.toJsonBytes(incident)))
                .get();
    }

    private static HttpResponse<String> health(Desk desk) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.port() + "/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitVersion(Desk desk, String id, long version) throws Exception {
        Eventually.await(TIMEOUT, id + " is stored at version " + version, () -> {
            try {
                return desk.incidents()
                                .find(id, Visibility.all())
                                .map(QueuedIncident::version)
                                .orElse(0L)
                        == version;
            } catch (java.sql.SQLException databaseStillDown) {
                return false;
            }
        });
    }
}

package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.contract.Tlp;
import org.varsel.desk.Desk;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;
import org.varsel.pipeline.MixedSignalBatch;
import org.varsel.pipeline.PipelineEndToEndTest;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.TopicContents;
import org.varsel.pipeline.io.RawSignalPublisher;
import org.varsel.pipeline.settings.PipelineSettings;

/** The walking skeleton: raw signals on a real broker → the Flink job → varsel.incidents → the desk's PostgreSQL → its API. */
class SignalToDeskEndToEndTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineEndToEndTest.miniCluster();

    @Test
    void everyValidSignalBecomesOneIncidentServedByTheDeskAndEveryMalformedOneIsDeadLettered(
            LocalKafka kafka, PostgresDatabase db) throws Exception {
        PipelineSettings settings = PipelineEndToEndTest.isolatedRun(kafka);
        MixedSignalBatch batch = new MixedSignalBatch();
        try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), settings.rawTopic())) {
            batch.publishTo(publisher);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PipelineJob.wire(env, settings);
        env.execute("signal to desk");

        assertThat(TopicContents.committed(kafka.bootstrapServers(), settings.deadLetterTopic()))
                .hasSize(MixedSignalBatch.MALFORMED);

        try (Desk desk = Desk.start(RunDesk.settings(kafka, db, settings))) {
            String analyst = desk.credentials()
                    .createUser("ana", "a long passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "test")
                    .token();
            String ngoB = desk.credentials()
                    .createPartner("ngo-b", "NGO B", Optional.empty(), Tlp.AMBER, "test")
                    .token();
            DeskApi api = new DeskApi("http://127.0.0.1:" + desk.port());

            assertThat(api.get("/api/v1/incidents", Optional.empty()).statusCode())
                    .isEqualTo(401);
            api.awaitJson(
                    "/api/v1/incidents?limit=1",
                    Optional.of(analyst),
                    Duration.ofSeconds(60),
                    page -> page.get("total").asInt() == MixedSignalBatch.VALID + 1);

            Set<String> served = new HashSet<>();
            for (int offset = 0; offset <= MixedSignalBatch.VALID; offset += 500) {
                JsonNode page = api.getJson("/api/v1/incidents?limit=500&offset=" + offset, Optional.of(analyst));
                page.get("items").forEach(item -> served.add(item.get("id").asText()));
            }
            Set<String> expected = new HashSet<>(batch.expectedIncidentIds());
            expected.add(
                    MixedSignalBatch
                            .EXPECTED_SURGE); // the 950 partner assessments, and the one surge they make together
            assertThat(served).isEqualTo(expected);

            JsonNode partnerView = api.getJson("/api/v1/incidents?limit=500", Optional.of(ngoB));
            assertThat(partnerView.get("total").asInt()).isBetween(300, 330);
            partnerView
                    .get("items")
                    .forEach(item -> assertThat(item.get("sources").toString()).contains("partner:ngo-b"));
        }
    }
}

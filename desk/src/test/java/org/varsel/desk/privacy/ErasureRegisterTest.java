package org.varsel.desk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.retention.PrivacyFixtures.evidence;
import static org.varsel.desk.retention.PrivacyFixtures.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.KafkaLogin;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.incident.Visibility;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * The register of erasure requests against a real PostgreSQL and broker: a request is recorded with its stores, the
 * re-check erases what came back, dates each topic by the retention the broker reports, keeps a request open while a
 * topic keeps data without a bound or is not shown to the desk, and closes it (forgetting whom it was about) once every store is past its time.
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class ErasureRegisterTest {
    private static final String PSEUDONYM = "anon-abcdefabcdefabcdefabcdef";
    private static final Duration STATE = Duration.ofDays(2);

    @Test
    void aRequestIsRegisteredAndWorkedUntilEveryStoreIsPastItsRetention(LocalKafka kafka, PostgresDatabase postgres)
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bounded = "erasure.bounded." + suffix;
        String compacted = "erasure.compacted." + suffix;
        String missing = "erasure.missing." + suffix;
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(
                            new NewTopic(bounded, 1, (short) 1)
                                    .configs(Map.of("retention.ms", "3600000", "segment.ms", "600000")),
                            new NewTopic(compacted, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
        try (Database database = Database.open(postgres.jdbcUrl(), postgres.user(), postgres.password())) {
            IncidentStore incidents = new IncidentStore(database);
            Instant at = Instant.now();
            incidents.upsert(List.of(incident("inc-first", at, List.of(evidence("sig-1", PSEUDONYM, "they lied")))));

            Erasure.Report report = new Erasure(database).eraseHandle(Set.of(PSEUDONYM), "dpo");
            ErasureRegister register = new ErasureRegister(database);
            ErasureRegister.Request request = register.requests().get(0);
            assertThat(request.id()).isEqualTo(report.request());
            assertThat(request.requestedBy()).isEqualTo("dpo");
            assertThat(request.kind()).isEqualTo("handle");
            assertThat(request.subjects()).containsExactly(PSEUDONYM);
            assertThat(request.status()).isEqualTo("open");
            assertThat(statuses(request))
                    .isEqualTo(Map.of(ErasureRegister.DESK, "erased", ErasureRegister.PIPELINE_STATE, "pending"));

            // the pipeline's state still held the account's post: a new incident shows it after the erasure
            incidents.upsert(
                    List.of(incident("inc-later", at, List.of(evidence("sig-2", PSEUDONYM, "they lied again")))));
            ErasureRecheck recheck = new ErasureRecheck(
                    database, kafka.bootstrapServers(), KafkaLogin.none(), List.of(bounded, compacted, missing), STATE);
            assertThat(recheck.run(Instant.now())).isZero();
            assertThat(incidents
                            .find("inc-later", Visibility.all())
                            .orElseThrow()
                            .payload()
                            .toString())
                    .doesNotContain(PSEUDONYM);

            request = register.requests().get(0);
            Instant requested = request.requestedAt();
            assertThat(statuses(request))
                    .containsEntry(ErasureRegister.PIPELINE_STATE, "expires")
                    .containsEntry(ErasureRecheck.KAFKA + bounded, "expires")
                    .containsEntry(ErasureRecheck.KAFKA + compacted, "unbounded")
                    .containsEntry(ErasureRecheck.KAFKA + missing, "pending");
            assertThat(store(request, ErasureRecheck.KAFKA + bounded).dueAt())
                    .contains(requested.plus(STATE).plus(Duration.ofMinutes(70)));
            assertThat(store(request, ErasureRecheck.KAFKA + compacted).detail().orElseThrow())
                    .contains("cleanup.policy=compact");
            assertThat(store(request, ErasureRegister.DESK).detail().orElseThrow())
                    .contains("erased again");

            assertThat(recheck.run(requested.plus(Duration.ofDays(30))))
                    .as("a topic keeps data without a bound")
                    .isZero();
            assertThat(register.requests().get(0).status()).isEqualTo("open");

            try (Admin admin = kafka.admin()) {
                admin.createTopics(
                                List.of(new NewTopic(missing, 1, (short) 1).configs(Map.of("retention.ms", "3600000"))))
                        .all()
                        .get(60, TimeUnit.SECONDS);
                admin.incrementalAlterConfigs(Map.of(
                                new ConfigResource(ConfigResource.Type.TOPIC, compacted),
                                List.of(
                                        new AlterConfigOp(
                                                new ConfigEntry("cleanup.policy", "compact,delete"),
                                                AlterConfigOp.OpType.SET),
                                        new AlterConfigOp(
                                                new ConfigEntry("retention.ms", "86400000"),
                                                AlterConfigOp.OpType.SET))))
                        .all()
                        .get(60, TimeUnit.SECONDS);
            }
            assertThat(recheck.run(requested.plus(Duration.ofDays(1))))
                    .as("not yet past the state and retention")
                    .isZero();
            assertThat(recheck.run(requested.plus(Duration.ofDays(30)))).isOne();
            request = register.requests().get(0);
            assertThat(request.status()).isEqualTo("done");
            assertThat(request.subjects()).as("whom it was about, once done").isEmpty();
            assertThat(statuses(request).values()).containsOnly("erased", "expired");
        }
    }

    private static Map<String, String> statuses(ErasureRegister.Request request) {
        return request.stores().stream()
                .collect(Collectors.toMap(ErasureRegister.Store::store, ErasureRegister.Store::status));
    }

    private static ErasureRegister.Store store(ErasureRegister.Request request, String name) {
        Optional<ErasureRegister.Store> store =
                request.stores().stream().filter(s -> s.store().equals(name)).findFirst();
        return store.orElseThrow();
    }
}
